/**
 * Response-time distributions: the gamma function family, and the
 * two-moment gamma fit used for percentiles where no exact distribution is
 * known (sums of station sojourn times along a path).
 *
 * Written here rather than taken from a statistics package: the model needs
 * three functions (log Γ, the regularised incomplete gamma and its inverse),
 * and the candidates on npm either pull in a whole numerics library or are
 * unmaintained.
 */

/** Mean and variance of a non-negative random time, in seconds. */
export interface Moments {
  mean: number;
  variance: number;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // series: γ(a,x) = e^-x x^a Σ x^n / (a (a+1) … (a+n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  // continued fraction for Γ(a,x) (modified Lentz)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/** The q-quantile of a gamma distribution with the given shape and scale. */
export function gammaQuantile(q: number, shape: number, scale: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must be in (0, 1), got ${q}`);
  const mean = shape * scale;
  return solveIncreasing((t) => gammaP(shape, t / scale), q, mean);
}

/**
 * The q-quantile of a time with the given mean and variance, from the gamma
 * distribution with the same two moments. Exact for exponential and Erlang
 * times; elsewhere an approximation (see docs/capacity.md).
 */
export function gammaFitQuantile(m: Moments, q: number): number {
  if (!Number.isFinite(m.mean) || !Number.isFinite(m.variance)) return Infinity;
  if (m.mean <= 0) return 0;
  if (m.variance <= m.mean * m.mean * 1e-12) return m.mean;
  const shape = (m.mean * m.mean) / m.variance;
  const scale = m.variance / m.mean;
  return gammaQuantile(q, shape, scale);
}

export function sumMoments(parts: Iterable<Moments>): Moments {
  let mean = 0;
  let variance = 0;
  for (const p of parts) {
    mean += p.mean;
    variance += p.variance;
  }
  return { mean, variance };
}

/**
 * The t ≥ 0 where an increasing function `cdf` reaches `target`, by
 * bracketing from `guess` and bisecting to 1e-13 relative.
 */
export function solveIncreasing(cdf: (t: number) => number, target: number, guess: number): number {
  let lo = 0;
  let hi = guess > 0 && Number.isFinite(guess) ? guess : 1;
  for (let i = 0; cdf(hi) < target; i++) {
    lo = hi;
    hi *= 2;
    if (i > 2000) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = lo + (hi - lo) / 2;
    if (cdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
