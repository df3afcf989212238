/**
 * M/M/1 and M/M/c with FCFS service: means from Erlang C, and the exact
 * waiting- and response-time distributions (so p95/p99 are exact here).
 */
import { erlangC } from './erlang.js';
import { solveIncreasing, type Moments } from './distribution.js';

export interface QueueMetrics {
  servers: number;
  arrivalRate: number;
  /** Per server. */
  serviceRate: number;
  /** Offered load per server, λ/(cμ); ≥ 1 means unstable. */
  utilisation: number;
  stable: boolean;
  /** Probability that an arrival waits (Erlang C). */
  probWait: number;
  /** Mean wait in queue, Wq. */
  meanWait: number;
  /** Mean time in system (wait + service), W. */
  meanResponse: number;
  /** Mean number waiting, Lq. */
  meanQueueLength: number;
  /** Mean number in system, L. */
  meanInSystem: number;
  throughput: number;
}

/** M/M/c FCFS: `servers` identical servers, Poisson arrivals at `arrivalRate`, exponential service at `serviceRate` each. */
export function mmc(arrivalRate: number, serviceRate: number, servers: number): QueueMetrics {
  checkRates(arrivalRate, serviceRate);
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`servers must be a whole number ≥ 1, got ${servers}`);
  const offered = arrivalRate / serviceRate;
  const utilisation = offered / servers;
  if (utilisation >= 1) {
    return {
      servers, arrivalRate, serviceRate, utilisation, throughput: arrivalRate,
      stable: false, probWait: 1, meanWait: Infinity, meanResponse: Infinity, meanQueueLength: Infinity, meanInSystem: Infinity,
    };
  }
  const probWait = erlangC(servers, offered);
  const meanWait = probWait / (servers * serviceRate - arrivalRate);
  const meanResponse = meanWait + 1 / serviceRate;
  return {
    servers, arrivalRate, serviceRate, utilisation, throughput: arrivalRate,
    stable: true, probWait, meanWait, meanResponse,
    meanQueueLength: arrivalRate * meanWait,
    meanInSystem: arrivalRate * meanResponse,
  };
}

/** M/M/1 FCFS. */
export function mm1(arrivalRate: number, serviceRate: number): QueueMetrics {
  return mmc(arrivalRate, serviceRate, 1);
}

/**
 * P(T > t) for the time in system of an M/M/c FCFS queue:
 * the wait is 0 with probability 1−C and Exp(θ = cμ−λ) with probability C, and
 * is independent of the customer's own Exp(μ) service, so
 * P(T > t) = e^(−μt)·(1 + C·μ·(1 − e^(−(θ−μ)t))/(θ−μ)).
 */
export function mmcResponseSurvival(m: QueueMetrics, t: number): number {
  if (!m.stable) return 1;
  if (t <= 0) return 1;
  const mu = m.serviceRate;
  const delta = m.servers * mu - m.arrivalRate - mu;
  const g = delta === 0 ? t : -Math.expm1(-delta * t) / delta;
  return Math.min(1, Math.exp(-mu * t) * (1 + m.probWait * mu * g));
}

/** The q-quantile of the time in system (e.g. q = 0.99 for p99); exact. */
export function mmcResponsePercentile(m: QueueMetrics, q: number): number {
  checkQuantile(q);
  if (!m.stable) return Infinity;
  if (m.servers === 1) return -Math.log(1 - q) / (m.serviceRate - m.arrivalRate);
  return solveIncreasing((t) => 1 - mmcResponseSurvival(m, t), q, m.meanResponse);
}

/** The q-quantile of the wait in queue; 0 when fewer than 1−q of arrivals wait. Exact. */
export function mmcWaitPercentile(m: QueueMetrics, q: number): number {
  checkQuantile(q);
  if (!m.stable) return Infinity;
  if (m.probWait <= 1 - q) return 0;
  return Math.log(m.probWait / (1 - q)) / (m.servers * m.serviceRate - m.arrivalRate);
}

/** Mean and variance of the M/M/c time in system (wait and service are independent). */
export function mmcResponseMoments(m: QueueMetrics): Moments {
  if (!m.stable) return { mean: Infinity, variance: Infinity };
  const theta = m.servers * m.serviceRate - m.arrivalRate;
  const c = m.probWait;
  return { mean: m.meanResponse, variance: (c * (2 - c)) / (theta * theta) + 1 / (m.serviceRate * m.serviceRate) };
}

export function checkRates(arrivalRate: number, serviceRate: number): void {
  if (!(arrivalRate >= 0) || !Number.isFinite(arrivalRate)) throw new RangeError(`arrival rate must be a finite number ≥ 0, got ${arrivalRate}`);
  if (!(serviceRate > 0) || !Number.isFinite(serviceRate)) throw new RangeError(`service rate must be a finite number > 0, got ${serviceRate}`);
}

export function checkQuantile(q: number): void {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must be in (0, 1), got ${q}`);
}
