/**
 * Growth month by month: the load, the instances each station needs to stay
 * under the target utilisation, the month it outgrows its maximum and the
 * month it saturates there, and the monthly cost against the budget.
 *
 * Cost counts the instances the load needs (never fewer than the minimum),
 * even beyond a component's maximum: that is what carrying the load costs,
 * and the saturation finding says separately that the maximum is too low.
 */
import type { CapacityModel } from './model.js';
import { growthFactor } from './model.js';
import { loadAt, type MonthLoad } from './solve.js';
import { instancesNeeded } from './station.js';

export interface ComponentGrowth {
  id: string;
  /** Offered arrivals per second, by month. */
  arrivalRate: number[];
  /** Instances needed for the target utilisation, by month (at least the minimum, possibly above the maximum). */
  instancesNeeded: number[];
  /** Offered utilisation with the maximum instances, by month. */
  utilisationAtMax: number[];
  /** First month that needs more instances than the maximum. */
  outgrowsMonth?: number;
  /** First month whose load reaches 100% utilisation at the maximum instances. */
  saturatesMonth?: number;
}

export interface GrowthPlan {
  /** 0 … horizon. */
  months: number[];
  /** Per workload: requests per second (open) or users (closed), by month. */
  load: { id: string; kind: 'open' | 'closed'; values: number[] }[];
  /** Modelled components only. */
  components: ComponentGrowth[];
  /** Monthly cost of the instances the load needs, by month. */
  cost: number[];
  /** Monthly cost with instances capped at each component's maximum, by month. */
  cappedCost: number[];
  budget?: { monthly: number; currency: string };
  /** First month whose cost exceeds the budget. */
  overBudgetMonth?: number;
}

export function growthPlan(model: CapacityModel, horizonMonths = model.horizonMonths): GrowthPlan {
  const count = horizonMonths + 1;
  const months = Array.from({ length: count }, (_, m) => m);
  const modelled: number[] = [];
  model.stations.forEach((s, k) => {
    if (s.serviceTime !== undefined) modelled.push(k);
  });
  const loaded = new Uint8Array(model.stations.length);
  for (const k of model.loadedStations) loaded[k] = 1;
  const components: ComponentGrowth[] = new Array(modelled.length);
  const cost = new Array<number>(count);
  const cappedCost = new Array<number>(count);
  const fixed = model.stations.reduce((sum, s) => sum + s.fixedMonthly, 0);
  const unmodelledCost = model.stations.reduce((sum, s) => (s.serviceTime === undefined ? sum + s.instancesMin * s.perInstanceMonthly : sum), 0);

  // A station no workload visits has the same row every month (no load, its minimum instances),
  // and such rows are shared: a large design has thousands of idle components.
  const rows = new ConstantRows(count);
  const busy: number[] = [];
  let idleCost = 0;
  let idleCapped = 0;
  for (let i = 0; i < modelled.length; i++) {
    const k = modelled[i];
    const s = model.stations[k];
    if (loaded[k]) {
      components[i] = { id: s.id, arrivalRate: new Array<number>(count), instancesNeeded: new Array<number>(count), utilisationAtMax: new Array<number>(count) };
      busy.push(i);
      continue;
    }
    const needed = instancesNeeded(s, 0, model.targetUtilisation);
    const atMax = (0 * s.serviceTime!) / (s.instancesMax * s.concurrency);
    const g: ComponentGrowth = (components[i] = { id: s.id, arrivalRate: rows.of(0), instancesNeeded: rows.of(needed), utilisationAtMax: rows.of(atMax) });
    if (needed > s.instancesMax) g.outgrowsMonth = 0;
    if (atMax >= 1) g.saturatesMonth = 0;
    idleCost += needed * s.perInstanceMonthly;
    idleCapped += Math.min(needed, s.instancesMax) * s.perInstanceMonthly;
  }

  let monthLoad: MonthLoad | undefined;
  for (let m = 0; m < count; m++) {
    const load = (monthLoad = loadAt(model, m, monthLoad));
    let monthCost = fixed + unmodelledCost + idleCost;
    let monthCapped = fixed + unmodelledCost + idleCapped;
    for (const i of busy) {
      const k = modelled[i];
      const s = model.stations[k];
      const rate = load.open[k] + load.closedDemand[k];
      const needed = instancesNeeded(s, rate, model.targetUtilisation);
      const atMax = (rate * s.serviceTime!) / (s.instancesMax * s.concurrency);
      const g = components[i];
      g.arrivalRate[m] = rate;
      g.instancesNeeded[m] = needed;
      g.utilisationAtMax[m] = atMax;
      if (g.outgrowsMonth === undefined && needed > s.instancesMax) g.outgrowsMonth = m;
      if (g.saturatesMonth === undefined && atMax >= 1) g.saturatesMonth = m;
      monthCost += needed * s.perInstanceMonthly;
      monthCapped += Math.min(needed, s.instancesMax) * s.perInstanceMonthly;
    }
    cost[m] = monthCost;
    cappedCost[m] = monthCapped;
  }

  const load = model.workloads.map((w) => ({
    id: w.id,
    kind: w.kind,
    values: months.map((m) => (w.kind === 'open' ? w.peakRate : w.peakUsers) * growthFactor(w, m)),
  }));
  const overBudgetMonth = model.budget ? months.find((m) => cost[m] > model.budget!.monthly) : undefined;
  return { months, load, components, cost, cappedCost, budget: model.budget, overBudgetMonth };
}

/** Frozen rows of one value each, one per value. */
class ConstantRows {
  private readonly byValue = new Map<number, readonly number[]>();

  constructor(private readonly length: number) {}

  of(value: number): number[] {
    let row = this.byValue.get(value);
    if (!row) this.byValue.set(value, (row = Object.freeze(new Array<number>(this.length).fill(value))));
    return row as number[];
  }
}
