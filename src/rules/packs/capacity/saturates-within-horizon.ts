import { defineRule } from '../../types.js';
import { capacityOf, instances, percent, rate, whenMonth } from './shared.js';

export default defineRule({
  id: 'capacity/saturates-within-horizon',
  severity: 'warning',
  summary: 'A component reaches 100% utilisation at its maximum instances before the end of the workload horizon.',
  rationale:
    'A queue at 100% utilisation grows without bound: latency climbs past every timeout and requests pile up until something drops them. The capacity model grows each workload at its stated rate (with its peak factor) and finds the month each component, at its maximum instance count, can no longer keep up. That month is the deadline for raising the maximum, making the component faster, or splitting its load.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth',
    'Guide §2 Best Practices for Research and Planning: Consider Constraints',
    'Little\'s law and the M/M/c queue (Erlang C): waiting time is unbounded at utilisation ≥ 1',
  ],
  fix: 'Raise `instances.max` to the instances the model says are needed, lower the service time (or raise `concurrency`), or move part of the load elsewhere; `archwright capacity --what-if instances.ID=N` tries a change.',
  check(ctx) {
    const report = capacityOf(ctx);
    for (const g of report.growth.components) {
      if (g.saturatesMonth === undefined || g.saturatesMonth > report.horizonMonths) continue;
      const c = report.components.find((x) => x.id === g.id)!;
      const m = g.saturatesMonth;
      const component = ctx.design.byId.get(g.id);
      const stated = component?.kind === 'component' && component.element.instances !== undefined;
      ctx.report({
        subject: { kind: 'component', id: g.id },
        field: stated ? ['instances'] : undefined,
        severity: m === 0 ? 'error' : 'warning',
        message: `${g.id} saturates at ${whenMonth(m)}: ${rate(g.arrivalRate[m])} needs ${percent(g.utilisationAtMax[m])} of its maximum ${instances(c.instancesMax)}; it would need ${g.instancesNeeded[m]} to stay under ${percent(report.targetUtilisation)}.`,
        evidence: {
          month: m,
          utilisation: percent(g.utilisationAtMax[m]),
          arrivalRate: Math.round(g.arrivalRate[m]),
          instancesNeeded: g.instancesNeeded[m],
          instancesMax: c.instancesMax,
          ...(g.outgrowsMonth !== undefined ? { outgrowsMaxInMonth: g.outgrowsMonth } : {}),
        },
      });
    }
  },
});
