/** The capacity report, computed once per review and shared by every capacity rule. */
import { analyseCapacity, type CapacityReport } from '../../../capacity/analyse.js';
import { formatDuration } from '../../../model/units.js';
import type { RuleContext } from '../../types.js';

/** The key of the capacity report among a review's shared analyses. */
export const CAPACITY_KEY = 'capacity';

export function capacityOf(ctx: RuleContext): CapacityReport {
  return ctx.shared(CAPACITY_KEY, () => analyseCapacity(ctx.design));
}

export function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : '∞';
}

/** "month 4", or "today's peak" for month 0. */
export function whenMonth(month: number): string {
  return month === 0 ? "today's peak" : `month ${month}`;
}

export function seconds(value: number): string {
  return Number.isFinite(value) ? formatDuration(value) : 'unbounded';
}

export function rate(perSecond: number): string {
  return `${perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : Math.round(perSecond * 100) / 100}/s`;
}

export function money(amount: number, currency: string): string {
  return `${Math.round(amount).toLocaleString('en-US')} ${currency}`;
}

export function instances(n: number): string {
  return `${n} instance${n === 1 ? '' : 's'}`;
}
