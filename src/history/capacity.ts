/** The capacity figures a diff compares, from src/capacity's analysis. */
import { analyseCapacity } from '../capacity/index.js';
import type { Design } from '../model/design.js';
import type { CapacityFigures } from './types.js';

/** Undefined for a design with no workloads: there is nothing to predict. */
export function capacityFigures(design: Design): CapacityFigures | undefined {
  if (design.workloads.length === 0) return undefined;
  const report = analyseCapacity(design);
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
