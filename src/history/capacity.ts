/** The capacity figures a diff compares, from src/capacity's analysis. */
import { analyseCapacity, type CapacityReport } from '../capacity/index.js';
import type { Design } from '../model/design.js';
import { CAPACITY_KEY } from '../rules/packs/capacity/shared.js';
import type { CapacityFigures } from './types.js';

/**
 * The capacity figures of a reviewed design: the review's own capacity analysis
 * when its capacity rules ran (a diff then analyses each version once), else a
 * fresh one.
 */
export function capacityFigures(design: Design, shared: Map<string, unknown>): CapacityFigures | undefined {
  if (design.workloads.length === 0) return undefined;
  const report = (shared.get(CAPACITY_KEY) as CapacityReport | undefined) ?? analyseCapacity(design);
  return figuresOf(design, report);
}

function figuresOf(design: Design, report: CapacityReport): CapacityFigures {
  let saturationMonth: number | null = null;
  for (const g of report.growth.components) {
    if (g.saturatesMonth !== undefined && (saturationMonth === null || g.saturatesMonth < saturationMonth)) saturationMonth = g.saturatesMonth;
  }
  const p99Seconds: Record<string, number> = {};
  for (const w of report.workloads) p99Seconds[w.id] = w.latency.p99;
  const figures: CapacityFigures = { saturationMonth, p99Seconds, monthlyCost: report.growth.cost[0] ?? 0 };
  const currency = report.growth.budget?.currency ?? design.system.constraints?.budget?.currency;
  if (currency) figures.currency = currency;
  return figures;
}
