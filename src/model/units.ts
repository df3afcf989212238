/**
 * Units a person writes in a design: durations (`4ms`, `365d`), rates (`1200/s`,
 * `72k/min`), percentages (`12%`, `12%/month`) and counts (`50k`).
 * Each parser returns a number in base units (seconds, per second, fraction) or
 * undefined when the text is not a valid value of that unit.
 */

const DURATION_UNITS: Record<string, number> = {
  us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800,
  month: 2629800, months: 2629800, y: 31557600, year: 31557600, years: 31557600,
};
const RATE_PERIODS: Record<string, number> = {
  ms: 1e-3, s: 1, sec: 1, m: 60, min: 60, h: 3600, hour: 3600, d: 86400, day: 86400,
};
const MAGNITUDES: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

const NUM = String.raw`\d+(?:\.\d+)?`;
export const DURATION_PATTERN = String.raw`^${NUM}\s*(?:us|µs|ms|s|sec|m|min|h|d|w|months?|y|years?)$`;
export const RATE_PATTERN = String.raw`^${NUM}\s*[kKMG]?\s*/\s*(?:ms|s|sec|m|min|h|hour|d|day)$`;
export const PERCENT_PATTERN = String.raw`^-?${NUM}\s*%$`;
export const GROWTH_PATTERN = String.raw`^-?${NUM}\s*%(?:\s*/\s*(?:month|year|quarter|week))?$`;
export const COUNT_PATTERN = String.raw`^${NUM}\s*[kKMG]?$`;
export const HORIZON_PATTERN = String.raw`^\d+\s*(?:months?|years?|y)$`;

const durationRe = new RegExp(String.raw`^(${NUM})\s*([a-zµ]+)$`);
const rateRe = new RegExp(String.raw`^(${NUM})\s*([kKMG]?)\s*/\s*([a-z]+)$`);
const percentRe = new RegExp(String.raw`^(-?${NUM})\s*%(?:\s*/\s*([a-z]+))?$`);
const countRe = new RegExp(String.raw`^(${NUM})\s*([kKMG]?)$`);
const horizonRe = /^(\d+)\s*(months?|years?|y)$/;

/**
 * A parser that remembers its answers for the few hundred texts a design repeats (every component
 * of a large design states a service time or capacity, most of them one of a handful of values).
 */
function remembered(parse: (text: string) => number | undefined): (text: string) => number | undefined {
  const known = new Map<string, number | undefined>();
  return (text) => {
    if (known.has(text)) return known.get(text);
    const value = parse(text);
    if (known.size < 512) known.set(text, value);
    return value;
  };
}

/** Seconds. */
export const parseDuration = remembered((text) => {
  const m = durationRe.exec(text.trim());
  if (!m) return undefined;
  const unit = DURATION_UNITS[m[2]];
  return unit === undefined ? undefined : Number(m[1]) * unit;
});

/** Events per second. */
export const parseRate = remembered((text) => {
  const m = rateRe.exec(text.trim());
  if (!m) return undefined;
  const period = RATE_PERIODS[m[3]];
  return period === undefined ? undefined : (Number(m[1]) * MAGNITUDES[m[2]]) / period;
});

/** A fraction: `12%` → 0.12. */
export function parsePercent(text: string): number | undefined {
  const m = percentRe.exec(text.trim());
  if (!m || m[2] !== undefined) return undefined;
  return Number(m[1]) / 100;
}

/** Compound growth per month as a fraction: `12%/month` → 0.12, `40%/year` → 0.0284. */
export function parseGrowth(text: string): number | undefined {
  const m = percentRe.exec(text.trim());
  if (!m) return undefined;
  const rate = Number(m[1]) / 100;
  const per = m[2] ?? 'month';
  if (per === 'month') return rate;
  const monthsPer = per === 'year' ? 12 : per === 'quarter' ? 3 : per === 'week' ? 12 / 52 : undefined;
  if (monthsPer === undefined) return undefined;
  return Math.pow(1 + rate, 1 / monthsPer) - 1;
}

/** A count, `50k` → 50000; plain numbers pass through. */
export function parseCount(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const m = countRe.exec(value.trim());
  return m ? Number(m[1]) * MAGNITUDES[m[2]] : undefined;
}

/** Months: `24 months` → 24, `2y` → 24. */
export function parseHorizon(text: string): number | undefined {
  const m = horizonRe.exec(text.trim());
  if (!m) return undefined;
  return m[2].startsWith('m') ? Number(m[1]) : Number(m[1]) * 12;
}

/** Human form of seconds for messages: 0.0042 → "4.2ms". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 1e-3) return `${round(seconds * 1e6)}µs`;
  if (seconds < 1) return `${round(seconds * 1e3)}ms`;
  if (seconds < 120) return `${round(seconds)}s`;
  if (seconds < 7200) return `${round(seconds / 60)}min`;
  if (seconds < 172800) return `${round(seconds / 3600)}h`;
  return `${round(seconds / 86400)}d`;
}

export function formatRate(perSecond: number): string {
  return `${round(perSecond)}/s`;
}

function round(x: number): number {
  return x >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}
