import { defineRule } from '../../types.js';
import { capacityOf, money, whenMonth } from './shared.js';

export default defineRule({
  id: 'capacity/over-budget',
  severity: 'warning',
  summary: 'The monthly running cost of the instances the load needs exceeds the budget within the horizon.',
  rationale:
    'The budget is a constraint like any other: a design whose running cost outgrows it will be cut back in production, usually by removing the headroom that keeps latency down. The capacity model counts, month by month, the instances each component needs to stay under the target utilisation, times its `cost.perInstanceMonthly`, plus fixed costs, and compares the total with `system.constraints.budget.monthly`.',
  citations: ['Guide §2 Best Practices for Research and Planning: Consider Constraints (time, budget, resources)'],
  fix: 'Lower the cost of the components that grow most (service time, concurrency, a cheaper tier), renegotiate the budget with the numbers, or shorten the plan; `archwright capacity` shows the cost by month.',
  check(ctx) {
    const { growth } = capacityOf(ctx);
    if (!growth.budget || growth.overBudgetMonth === undefined) return;
    const m = growth.overBudgetMonth;
    const last = growth.months.length - 1;
    const { currency, monthly } = growth.budget;
    // the component whose instances cost most that month
    let largest: { id: string; cost: number } | undefined;
    for (const g of growth.components) {
      const e = ctx.design.byId.get(g.id);
      const perInstance = e?.kind === 'component' ? (e.element.cost?.perInstanceMonthly ?? 0) : 0;
      const cost = g.instancesNeeded[m] * perInstance;
      if (!largest || cost > largest.cost) largest = { id: g.id, cost };
    }
    const later = last > m ? `; by month ${last} it is ${money(growth.cost[last], currency)}` : '';
    ctx.report({
      subject: { kind: 'system', id: 'system' },
      field: ['constraints', 'budget', 'monthly'],
      severity: m === 0 ? 'error' : 'warning',
      message: `Running cost reaches ${money(growth.cost[m], currency)} a month at ${whenMonth(m)}, over the ${money(monthly, currency)} budget${later}.`,
      evidence: {
        month: m, cost: Math.round(growth.cost[m]), budget: monthly, currency, costAtHorizon: Math.round(growth.cost[last]),
        ...(largest && largest.cost > 0 ? { largestCost: `${largest.id} (${money(largest.cost, currency)})` } : {}),
      },
    });
  },
});
