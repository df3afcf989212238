import type { Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';

/**
 * Writers of each datastore. A component writes a datastore when it has a link
 * into it that carries data and does not say `access: read`: the model cannot
 * tell reads from writes otherwise, so a data-bearing link of unstated access
 * counts as a possible write. Links without `carries` (health checks, admin
 * connections) do not count.
 */
function writersByStore(design: Design): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const link of design.links) {
    if (link.carries.length === 0 || link.access === 'read') continue;
    const to = link.toEnd;
    if (to.kind !== 'component' || to.element.kind !== 'datastore') continue;
    const from = link.fromEnd;
    if (from.kind === 'component' && from.element.kind === 'datastore') continue; // replication
    let writers = out.get(link.to);
    if (!writers) out.set(link.to, (writers = new Set()));
    writers.add(link.from);
  }
  return out;
}

export default defineRule({
  id: 'scalability/shared-database-writers',
  severity: 'warning',
  summary: 'Several components write to the same database.',
  rationale:
    'A database written by several services is an integration point nobody owns: each writer depends on the others\' schema, a migration needs every team, one writer\'s load or locks slow the rest, and the database can only be scaled, split or replaced for all of them at once. Give each datastore one owning service and let the others go through its API or its events. A link counts as a write unless it says `access: read`.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth (isolate components for easier scaling); Keep It Simple',
    'Chris Richardson, microservices.io, "Pattern: Database per service" and "Pattern: Shared database" (drawbacks)',
    'Microsoft Azure Architecture Center, Busy Database antipattern',
  ],
  fix: 'Make one service the owner of the datastore and route the other writers through it; mark genuine read-only access with `access: read` on the link.',
  check(ctx) {
    const { design } = ctx;
    for (const [store, writers] of ctx.shared('scalability/datastore-writers', () => writersByStore(design))) {
      if (writers.size < 2) continue;
      const names = [...writers];
      ctx.report({
        subject: { kind: 'component', id: store },
        field: ['id'],
        message: `${store} is written by ${names.length} components (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) instead of being owned by one service.`,
        evidence: { datastore: store, writers: names.length, first: names.slice(0, 5).join(', ') },
      });
    }
  },
});
