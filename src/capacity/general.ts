/**
 * Queues whose service or arrival times are not exponential.
 *
 * - M/G/1 (and so M/D/1): the Pollaczek–Khinchine formula, exact for the mean.
 * - M/G/c: the Allen–Cunneen approximation
 *     Wq(M/G/c) ≈ Wq(M/M/c) · (ca² + cs²)/2,
 *   with ca² = 1 for Poisson arrivals and cs² the squared coefficient of
 *   variation of service. With c = 1 it is Kingman's G/G/1 formula and, for
 *   Poisson arrivals, exactly Pollaczek–Khinchine; with cs² = 1 it is exactly
 *   Erlang C. Between, it is a heavy-traffic approximation: asymptotically
 *   exact as utilisation → 1, while at light load its relative error in Wq can
 *   be large (Boxma, Cohen & Huffels, "Approximations of the mean waiting time
 *   in an M/G/s queueing system", Operations Research 27(6), 1979) — though Wq
 *   is then small beside the service time, so the error in the mean response
 *   time stays small. See docs/capacity.md for measured errors.
 * - GI/M/1: exact, from the root σ of σ = A*(μ(1 − σ)) where A* is the
 *   Laplace–Stieltjes transform of the interarrival time.
 */
import { erlangC } from './erlang.js';
import { checkRates, type QueueMetrics } from './markovian.js';
import type { Moments } from './distribution.js';

/** M/G/1 with mean service time `meanService` and squared coefficient of variation `serviceCv2`. Exact means. */
export function mg1(arrivalRate: number, meanService: number, serviceCv2: number): QueueMetrics {
  return mgc(arrivalRate, meanService, 1, serviceCv2);
}

/** M/D/1: constant service times. Exact means. */
export function md1(arrivalRate: number, serviceTime: number): QueueMetrics {
  return mgc(arrivalRate, serviceTime, 1, 0);
}

/**
 * M/G/c by Allen–Cunneen (exact for c = 1 and for cs² = 1; an approximation
 * otherwise, see the module comment). `arrivalCv2` other than 1 gives the
 * G/G/c form of the same approximation.
 */
export function mgc(arrivalRate: number, meanService: number, servers: number, serviceCv2: number, arrivalCv2 = 1): QueueMetrics {
  checkRates(arrivalRate, 1 / meanService);
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`servers must be a whole number ≥ 1, got ${servers}`);
  if (!(serviceCv2 >= 0) || !(arrivalCv2 >= 0)) throw new RangeError('squared coefficients of variation must be ≥ 0');
  const serviceRate = 1 / meanService;
  const offered = arrivalRate * meanService;
  const utilisation = offered / servers;
  if (utilisation >= 1) {
    return { servers, arrivalRate, serviceRate, utilisation, throughput: arrivalRate, stable: false, probWait: 1, meanWait: Infinity, meanResponse: Infinity, meanQueueLength: Infinity, meanInSystem: Infinity };
  }
  const probWait = erlangC(servers, offered);
  const meanWait = (probWait / (servers * serviceRate - arrivalRate)) * ((arrivalCv2 + serviceCv2) / 2);
  const meanResponse = meanWait + meanService;
  return {
    servers, arrivalRate, serviceRate, utilisation, throughput: arrivalRate, stable: true, probWait, meanWait, meanResponse,
    meanQueueLength: arrivalRate * meanWait,
    meanInSystem: arrivalRate * meanResponse,
  };
}

/**
 * Mean and variance of the time in system under the same approximation: the
 * wait is 0 with probability C and otherwise exponential with the
 * Allen–Cunneen mean; service has variance cs²·S². Exact for M/M/c.
 */
export function mgcResponseMoments(m: QueueMetrics, serviceCv2: number): Moments {
  if (!m.stable) return { mean: Infinity, variance: Infinity };
  const s = 1 / m.serviceRate;
  const c = m.probWait;
  const condWait = c > 0 ? m.meanWait / c : 0;
  const wait2 = 2 * c * condWait * condWait;
  return { mean: m.meanResponse, variance: wait2 - m.meanWait * m.meanWait + serviceCv2 * s * s };
}

export interface GIM1Metrics {
  /** The root σ of σ = A*(μ(1 − σ)): the probability an arrival finds the server busy. */
  sigma: number;
  utilisation: number;
  stable: boolean;
  meanWait: number;
  meanResponse: number;
  meanInSystem: number;
  meanQueueLength: number;
}

/**
 * GI/M/1: renewal arrivals with interarrival transform `interarrivalLst`
 * (s ↦ E[e^(−sA)]) and mean `meanInterarrival`, one exponential server at rate
 * `serviceRate`. Time in system is Exp(μ(1 − σ)).
 */
export function gim1(interarrivalLst: (s: number) => number, meanInterarrival: number, serviceRate: number): GIM1Metrics {
  checkRates(1 / meanInterarrival, serviceRate);
  const arrivalRate = 1 / meanInterarrival;
  const utilisation = arrivalRate / serviceRate;
  if (utilisation >= 1) {
    return { sigma: 1, utilisation, stable: false, meanWait: Infinity, meanResponse: Infinity, meanInSystem: Infinity, meanQueueLength: Infinity };
  }
  // f(σ) = A*(μ(1−σ)) − σ is positive at 0, zero at 1 and negative just below 1 when ρ < 1.
  const f = (sigma: number) => interarrivalLst(serviceRate * (1 - sigma)) - sigma;
  let hi = 0.5;
  while (f(hi) >= 0 && hi < 1 - 1e-15) hi = (1 + hi) / 2;
  let lo = 0;
  if (f(hi) >= 0) throw new RangeError('GI/M/1: no root of σ = A*(μ(1−σ)) below 1');
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const sigma = (lo + hi) / 2;
  const meanResponse = 1 / (serviceRate * (1 - sigma));
  const meanWait = sigma / (serviceRate * (1 - sigma));
  return {
    sigma, utilisation, stable: true, meanWait, meanResponse,
    meanInSystem: arrivalRate * meanResponse,
    meanQueueLength: arrivalRate * meanWait,
  };
}

/** Laplace–Stieltjes transforms of common interarrival distributions, for gim1. */
export const interarrival = {
  deterministic: (d: number) => (s: number) => Math.exp(-s * d),
  /** Erlang with `phases` phases and the given mean. */
  erlang: (phases: number, mean: number) => (s: number) => Math.pow(phases / mean / (phases / mean + s), phases),
  /** Gamma with shape α and scale β (mean αβ). */
  gamma: (shape: number, scale: number) => (s: number) => Math.pow(1 + scale * s, -shape),
  /** Uniform on [a, b]. */
  uniform: (a: number, b: number) => (s: number) => (s === 0 ? 1 : (Math.exp(-a * s) - Math.exp(-b * s)) / (s * (b - a))),
  /** Two-phase hyperexponential: rate λ1 with probability p, else rate λ2. */
  hyperexponential: (p: number, rate1: number, rate2: number) => (s: number) => (p * rate1) / (rate1 + s) + ((1 - p) * rate2) / (rate2 + s),
};
