import { defineRule } from '../../types.js';
import { hotComponents } from './load-share.js';
import { describeLoad, HOT_SHARE_OPTION, others, resourceCallers, runtimeGroups, sharePercent, sharesOf } from './shared.js';

export default defineRule({
  id: 'scalability/hot-shared-resource',
  severity: 'warning',
  summary: 'A hot component shares a datastore, queue or runtime with other components.',
  rationale:
    'The components most of the traffic passes through are the ones that must grow first. If a hot component shares its database, queue or runtime with others, it cannot be scaled on its own: its load degrades its neighbours, their batch jobs and migrations slow it down, and the shared piece has to be sized for everyone at once. Isolating hot components lets each scale — and fail — alone.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth ("identify components that will experience high usage … and isolate them for easier scaling")',
    'Microsoft Azure Architecture Center, Bulkhead pattern',
    'AWS Well-Architected Framework, Reliability Pillar REL10-BP03 Use bulkhead architectures to limit scope of impact',
  ],
  fix: 'Give the hot component its own datastore, queue (or topic/partition set) and runtime, or record a decision explaining why sharing is acceptable.',
  options: { hotShare: HOT_SHARE_OPTION },
  check(ctx) {
    const { design } = ctx;
    const hot = hotComponents(sharesOf(ctx), ctx.options.hotShare as number);
    if (hot.size === 0) return;
    const callers = ctx.shared('scalability/resource-callers', () => resourceCallers(design));
    const runtimes = ctx.shared('scalability/runtime-groups', () => runtimeGroups(design));
    for (const [id, load] of hot) {
      const e = design.byId.get(id);
      if (e?.kind !== 'component' || e.element.kind === 'external') continue;
      const c = e.element;
      const share = sharePercent(load);
      const busy = describeLoad(load);
      for (const link of design.linksFrom.get(id) ?? []) {
        const sharing = others(callers.get(link.to), id);
        if (sharing.count === 0) continue;
        const resource = link.toEnd.element as { kind: string };
        ctx.report({
          subject: { kind: 'component', id },
          field: ['id'],
          detail: link.to,
          message: `${id} is hot (${busy}) yet shares ${resource.kind} ${link.to} with ${sharing.names}, so it cannot scale on its own.`,
          evidence: { component: id, share, ratePerSecond: Math.round(load.rate), resource: link.to, sharedWith: sharing.count },
        });
      }
      if (c.runtime) {
        const sharing = others(runtimes.get(c.runtime), id);
        if (sharing.count === 0) continue;
        ctx.report({
          subject: { kind: 'component', id },
          field: ['runtime'],
          detail: `runtime:${c.runtime}`,
          message: `${id} is hot (${busy}) yet shares runtime ${c.runtime} with ${sharing.names}, so it cannot scale on its own.`,
          evidence: { component: id, share, ratePerSecond: Math.round(load.rate), runtime: c.runtime, sharedWith: sharing.count },
        });
      }
    }
  },
});
