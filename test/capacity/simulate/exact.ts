/**
 * Closed forms the simulator is tested against, written here (not imported from
 * the analytic model) so that the two are independent checks of each other.
 */
import { loadReferenceCases, REFERENCE_FILE, type ReferenceCase } from '../reference-cases.js';

/** One published case; throws (failing the suite) when the file or the case is missing. */
export function referenceCase(id: string): ReferenceCase {
  const found = loadReferenceCases().get(id);
  if (!found) throw new Error(`reference case "${id}" not found in ${REFERENCE_FILE}`);
  return found;
}

/** Erlang C: probability of waiting in M/M/c offered a = λ/μ erlangs. */
export function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

export interface MMc {
  waitProbability: number;
  meanResponse: number;
  utilisation: number;
  /** P(R > x) for the FCFS response time R = S + Wq. */
  survival(x: number): number;
  /** The q-quantile of R (0 < q < 1). */
  quantile(q: number): number;
}

/**
 * M/M/c FCFS. R = S + Wq with S ~ Exp(μ) and Wq = 0 with probability 1 − C,
 * else ~ Exp(cμ − λ); P(S + T > x) for T ~ Exp(θ) is (θe^{−μx} − μe^{−θx})/(θ − μ)
 * (or (1 + μx)e^{−μx} when θ = μ).
 */
export function mmc(lambda: number, mu: number, c: number): MMc {
  const a = lambda / mu;
  const C = erlangC(c, a);
  const theta = c * mu - lambda;
  const hypo = (x: number) => (Math.abs(theta - mu) < 1e-12 * mu
    ? (1 + mu * x) * Math.exp(-mu * x)
    : (theta * Math.exp(-mu * x) - mu * Math.exp(-theta * x)) / (theta - mu));
  const survival = (x: number) => (1 - C) * Math.exp(-mu * x) + C * hypo(x);
  const quantile = (q: number) => {
    let lo = 0;
    let hi = 1 / mu;
    while (survival(hi) > 1 - q) hi *= 2;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (survival(mid) > 1 - q) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return { waitProbability: C, meanResponse: 1 / mu + C / theta, utilisation: a / c, survival, quantile };
}

export interface MMcK {
  p0: number;
  pK: number;
  /** Mean number in the system. */
  L: number;
  throughput: number;
  /** Mean response time of admitted customers. */
  meanResponse: number;
  /** Busy fraction of each server. */
  utilisation: number;
}

/** M/M/c/K: K customers at most in the system, those in service included. */
export function mmck(lambda: number, mu: number, c: number, K: number): MMcK {
  const a = lambda / mu;
  const weights: number[] = [1];
  for (let n = 1; n <= K; n++) weights.push(weights[n - 1] * (n <= c ? a / n : a / c));
  const total = weights.reduce((s, x) => s + x, 0);
  const p = weights.map((x) => x / total);
  const L = p.reduce((s, x, n) => s + n * x, 0);
  const throughput = lambda * (1 - p[K]);
  return { p0: p[0], pK: p[K], L, throughput, meanResponse: L / throughput, utilisation: throughput / (c * mu) };
}

/** M/G/1 mean response time (Pollaczek–Khinchine) for service mean s and coefficient of variation cv. */
export function mg1MeanResponse(lambda: number, s: number, cv: number): number {
  const rho = lambda * s;
  return s + (lambda * s * s * (1 + cv * cv)) / (2 * (1 - rho));
}

/** Closed single-station network (exact MVA): N users thinking Z between requests to one FCFS server of mean S. */
export function closedSingleServer(N: number, S: number, Z: number): { throughput: number; meanResponse: number } {
  let Q = 0;
  let R = 0;
  let X = 0;
  for (let n = 1; n <= N; n++) {
    R = S * (1 + Q);
    X = n / (R + Z);
    Q = X * R;
  }
  return { throughput: X, meanResponse: R };
}
