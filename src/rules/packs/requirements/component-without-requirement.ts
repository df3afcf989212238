import type { ComponentDoc } from '../../../model/schema.js';
import { defineRule } from '../../types.js';

/** Kinds that exist for operational reasons, not to deliver a function of their own. */
const EXEMPT = new Set<ComponentDoc['kind']>(['external', 'secrets', 'log']);
/** Kinds that serve the requirements of the components they front or are linked with. */
const SUPPORTING = new Set<ComponentDoc['kind']>(['gateway', 'datastore', 'queue', 'cache']);

export default defineRule({
  id: 'requirements/component-without-requirement',
  severity: 'warning',
  summary: 'A component that serves no requirement (scope creep).',
  rationale:
    'Every component costs money, attention and a place on the call path. One that serves no stated requirement is either delivering a requirement nobody wrote down or is scope creep: work nobody asked for. Gateways, datastores, queues and caches are counted as serving the requirements of the components they are linked with; external systems, secrets stores and log sinks are not judged.',
  citations: ['Guide §2 Set Requirements; Determine Functionality', 'Guide §5 Scope Creep'],
  fix: 'Add the requirement it delivers to `serves:` (write the requirement if it is missing), or take the component out of the design.',
  check(ctx) {
    const { design } = ctx;
    const serving = new Set<string>();
    for (const c of design.components) if (c.serves.length > 0) serving.add(c.id);
    for (const c of design.components) {
      if (c.serves.length > 0 || EXEMPT.has(c.kind)) continue;
      if (SUPPORTING.has(c.kind)) {
        const linked = [...(design.linksTo.get(c.id) ?? []).map((l) => l.from), ...(design.linksFrom.get(c.id) ?? []).map((l) => l.to)];
        if (linked.some((id) => serving.has(id))) continue;
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['serves'],
          message: `${c.kind[0].toUpperCase()}${c.kind.slice(1)} ${c.id} serves no requirement and is linked with no component that does.`,
          evidence: { kind: c.kind, linkedComponents: linked.length },
        });
        continue;
      }
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: ['serves'],
        message: `Component ${c.id} serves no requirement: either a requirement is missing or it is scope creep.`,
        evidence: { kind: c.kind, requirements: design.requirements.length },
      });
    }
  },
});
