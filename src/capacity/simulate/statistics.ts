/**
 * Output analysis for one long run split into batches: the warm-up to delete
 * (MSER), and 95% confidence intervals by batch means (sectioning: the point
 * estimate comes from all kept data, the spread from the batches).
 */

/** A simulated quantity with its 95% confidence interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Student's t 0.975 quantiles for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (table to 30, Cornish–Fisher beyond). */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

/**
 * The interval around `value` from the spread of the same statistic over
 * `batches` (independent-enough sections of the run): value ± t·s/√k.
 * NaN batches (no observations) are left out.
 */
export function sectioningEstimate(value: number, batches: readonly number[]): Estimate {
  const xs = batches.filter((x) => Number.isFinite(x));
  const k = xs.length;
  if (!Number.isFinite(value)) return { value, low: NaN, high: NaN };
  if (k < 2) return { value, low: -Infinity, high: Infinity };
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= k;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const half = tQuantile975(k - 1) * Math.sqrt(ss / (k - 1) / k);
  return { value, low: value - half, high: value + half };
}

/**
 * MSER (White 1997): the number of leading batches to delete as warm-up, the d
 * that minimises the squared standard error of the mean of what is left,
 * Σ_{i≥d}(x_i − x̄_d)² / (n − d)², searched over d ≤ n/2.
 * Batches given as NaN (no observations) are skipped over.
 */
export function mserTruncation(series: readonly number[]): number {
  const n = series.length;
  let best = 0;
  let bestScore = Infinity;
  for (let d = 0; d <= Math.floor(n / 2); d++) {
    let k = 0;
    let sum = 0;
    for (let i = d; i < n; i++) if (Number.isFinite(series[i])) { k++; sum += series[i]; }
    if (k < 2) break;
    const mean = sum / k;
    let ss = 0;
    for (let i = d; i < n; i++) if (Number.isFinite(series[i])) ss += (series[i] - mean) * (series[i] - mean);
    const score = ss / (k * k);
    if (score < bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
