import { defineRule } from '../../types.js';
import { describeLoad, HOT_SHARE_OPTION, sharePercent, sharesOf } from './shared.js';

export default defineRule({
  id: 'scalability/stateful-cannot-scale-out',
  severity: 'warning',
  summary: 'A component that cannot scale out is on the hot path or is expected to run several instances.',
  rationale:
    'Instances of a stateful service (sessions in memory, a leader, local files) cannot simply be added: requests are pinned, state must be moved, and a new instance does not take load. If such a component is expected to run more than one instance, or carries a large share of the traffic, its capacity ceiling is the size of one machine. Move the state out (a shared store, sticky-free sessions) or partition it explicitly. `stateful: true` counts as unable to scale out unless `scalesOut: true` says otherwise.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth',
    'The Twelve-Factor App, VI. Processes ("execute the app as one or more stateless processes") and VIII. Concurrency ("scale out via the process model")',
  ],
  fix: 'Move the state into a datastore or cache so instances are interchangeable and set `scalesOut: true`, or partition the component and say so in a decision.',
  options: { hotShare: HOT_SHARE_OPTION },
  check(ctx) {
    const { design } = ctx;
    const shares = sharesOf(ctx);
    const threshold = ctx.options.hotShare as number;
    for (const c of design.components) {
      if (c.kind === 'external') continue;
      const cannot = c.scalesOut === false || (c.stateful === true && c.scalesOut !== true);
      if (!cannot) continue;
      const load = shares.byComponent.get(c.id);
      const hot = load !== undefined && load.share >= threshold;
      if (!hot && c.instancesMax <= 1) continue;
      const why = c.scalesOut === false ? '`scalesOut: false`' : '`stateful: true`';
      const pressure = [
        c.instancesMax > 1 ? `is planned for up to ${c.instancesMax} instances` : '',
        hot ? `is hot (${describeLoad(load)})` : '',
      ].filter(Boolean).join(' and ');
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: [c.scalesOut === false ? 'scalesOut' : 'stateful'],
        message: `${c.id} cannot scale out (${why}) yet ${pressure}.`,
        evidence: { component: c.id, instancesMax: c.instancesMax, share: sharePercent(load) },
      });
    }
  },
});
