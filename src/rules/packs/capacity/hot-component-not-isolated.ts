import type { Component } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { HOT_SHARE_OPTION, others, runtimeGroups, sharesOf } from '../scalability/shared.js';
import { capacityOf, percent, rate, seconds, whenMonth } from './shared.js';

function cannotScaleOut(c: Component): boolean {
  return c.scalesOut === false || (c.stateful === true && c.scalesOut !== true);
}

export default defineRule({
  id: 'capacity/hot-component-not-isolated',
  severity: 'warning',
  summary: 'The capacity model shows a component must scale out within the horizon, but it cannot scale on its own.',
  rationale:
    'Which components are hot is a question of numbers, not only of how many requests pass through: a component that sees a modest share of the traffic but spends long on each request may be the first to need more instances. When the capacity model (load × growth × service time against the target utilisation) says a component must grow, yet it shares its runtime with other components or cannot add instances (stateful, `scalesOut: false`), it cannot be scaled alone. The structural rules scalability/hot-shared-resource and scalability/stateful-cannot-scale-out cover components that carry a large share of the requests; this rule covers the rest, from the model\'s figures.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth ("identify components that will experience high usage … and isolate them for easier scaling")',
    'Microsoft Azure Architecture Center, Bulkhead pattern',
  ],
  fix: 'Give the component its own runtime and make its instances interchangeable (state in a datastore, `scalesOut: true`), so it can be scaled to the instances the model says it needs.',
  options: { hotShare: HOT_SHARE_OPTION },
  check(ctx) {
    const report = capacityOf(ctx);
    const shares = sharesOf(ctx);
    const runtimes = ctx.shared('scalability/runtime-groups', () => runtimeGroups(ctx.design));
    const structuralHot = ctx.options.hotShare as number;
    for (const g of report.growth.components) {
      const e = ctx.design.byId.get(g.id);
      if (e?.kind !== 'component') continue;
      const c = e.element;
      // hot by the numbers: the load needs more instances than the component starts with
      const month = firstAbove(g.instancesNeeded, c.instancesMin);
      if (month < 0) continue;
      const share = shares.byComponent.get(c.id)?.share ?? 0;
      const coveredStructurally = share >= structuralHot;
      const figures = `${c.id} needs ${g.instancesNeeded[month]} instances at ${whenMonth(month)} (it starts with ${c.instancesMin}): ${rate(g.arrivalRate[month])} at ${seconds(c.serviceTimeSeconds ?? 0)} each`;
      const evidence = {
        component: c.id, month, instancesNeeded: g.instancesNeeded[month], instancesMin: c.instancesMin,
        arrivalRate: Math.round(g.arrivalRate[month]), utilisationAtMin: percent((g.arrivalRate[month] * (c.serviceTimeSeconds ?? 0)) / (c.instancesMin * (c.concurrency ?? 1))),
        requestShare: percent(share),
      };
      if (cannotScaleOut(c) && !(coveredStructurally || c.instancesMax > 1)) {
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: [c.scalesOut === false ? 'scalesOut' : 'stateful'],
          detail: 'scale-out',
          message: `${figures}, yet it cannot scale out (${c.scalesOut === false ? '`scalesOut: false`' : '`stateful: true`'}).`,
          evidence,
        });
      }
      if (c.runtime && !coveredStructurally) {
        const sharing = others(runtimes.get(c.runtime), c.id);
        if (sharing.count === 0) continue;
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['runtime'],
          detail: `runtime:${c.runtime}`,
          message: `${figures}, yet it shares runtime ${c.runtime} with ${sharing.names}, so it cannot scale on its own.`,
          evidence: { ...evidence, runtime: c.runtime, sharedWith: sharing.count },
        });
      }
    }
  },
});

/** The first month whose need is above `min`, or -1: a loop, asked of every component over every month of the horizon. */
function firstAbove(needed: readonly number[], min: number): number {
  for (let month = 0; month < needed.length; month++) if (needed[month] > min) return month;
  return -1;
}
