/**
 * How much of the system's traffic reaches each component, from the workloads'
 * path trees: load(c) = Σ over workloads w, over nodes n of w at c, rate(w) × visits(n).
 * A component's share is its load divided by the total arrival rate of all
 * workloads: 1 means every request the system receives visits it once; more
 * than 1 means fan-out sends it several calls per request.
 *
 * A structural estimate, not a capacity model: it ignores peaks, growth and
 * service times. The capacity engine can replace it with its own figures by
 * producing the same shape.
 */
import type { Workload } from '../../../model/design.js';

export interface ComponentLoad {
  component: string;
  /** Requests per second reaching the component, summed over workloads. */
  rate: number;
  /** rate / total arrival rate of every workload. */
  share: number;
  /** Requests per second by workload id. */
  byWorkload: Map<string, number>;
}

export interface LoadShares {
  byComponent: Map<string, ComponentLoad>;
  /** Arrival rate of each workload, by id. */
  workloadRates: Map<string, number>;
  /** Sum of the workloads' arrival rates. */
  totalRate: number;
}

/**
 * Arrivals per second of a workload. A closed workload of N users with think
 * time Z issues about N / Z requests per second (response time neglected);
 * without a think time each user counts as one request per second.
 */
export function arrivalRate(w: Pick<Workload, 'ratePerSecond' | 'users' | 'thinkTimeSeconds'>): number {
  if (w.ratePerSecond !== undefined) return w.ratePerSecond;
  if (w.users === undefined) return 0;
  return w.thinkTimeSeconds && w.thinkTimeSeconds > 0 ? w.users / w.thinkTimeSeconds : w.users;
}

export function loadShares(workloads: readonly Workload[]): LoadShares {
  const byComponent = new Map<string, ComponentLoad>();
  const workloadRates = new Map<string, number>();
  let totalRate = 0;
  for (const w of workloads) {
    const rate = arrivalRate(w);
    workloadRates.set(w.id, rate);
    totalRate += rate;
    for (const node of w.nodes) {
      let load = byComponent.get(node.component);
      if (!load) byComponent.set(node.component, (load = { component: node.component, rate: 0, share: 0, byWorkload: new Map() }));
      const r = rate * node.visits;
      load.rate += r;
      load.byWorkload.set(w.id, (load.byWorkload.get(w.id) ?? 0) + r);
    }
  }
  for (const load of byComponent.values()) load.share = totalRate > 0 ? load.rate / totalRate : 0;
  return { byComponent, workloadRates, totalRate };
}

/** Components whose share reaches `threshold` (by default half of all requests), by id. */
export function hotComponents(shares: LoadShares, threshold: number): Map<string, ComponentLoad> {
  const out = new Map<string, ComponentLoad>();
  for (const [id, load] of shares.byComponent) if (load.share >= threshold) out.set(id, load);
  return out;
}
