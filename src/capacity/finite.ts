/**
 * M/M/c/K: c servers and room for K customers in the system (those in
 * service included); arrivals that find K present are lost. M/M/1/K is c = 1,
 * Erlang's loss system M/M/c/c is K = c.
 *
 * The state probabilities p_n are taken relative to p_c: the part n ≤ c sums
 * to 1/B(c, a) (Erlang B), the part n > c is geometric in r = a/c. Neither
 * forms a^c or c!, so thousands of servers are fine; a tail that grows
 * (r > 1) is scaled by r^−(K−c) so it cannot overflow.
 */
import { erlangB } from './erlang.js';
import type { Moments } from './distribution.js';
import { logGamma } from './distribution.js';
import { checkRates } from './markovian.js';

export interface FiniteQueueMetrics {
  servers: number;
  /** Most customers in the system, those in service included. */
  capacity: number;
  arrivalRate: number;
  serviceRate: number;
  /** Offered load per server, λ/(cμ): may exceed 1, the queue stays stable by losing arrivals. */
  offeredUtilisation: number;
  /** Carried load per server, X/(cμ). */
  utilisation: number;
  /** Probability the system is empty. */
  probEmpty: number;
  /** Probability an arrival is lost (the system holds K). */
  probLoss: number;
  /** Accepted arrivals per unit time, λ(1 − p_K). */
  throughput: number;
  meanInSystem: number;
  meanQueueLength: number;
  /** Mean time in system of an accepted customer. */
  meanResponse: number;
  /** Mean wait in queue of an accepted customer. */
  meanWait: number;
  /** Probability an accepted customer waits. */
  probWait: number;
  /** Mean and variance of an accepted customer's time in system. */
  response: Moments;
}

export function mmck(arrivalRate: number, serviceRate: number, servers: number, capacity: number): FiniteQueueMetrics {
  checkRates(arrivalRate, serviceRate);
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`servers must be a whole number ≥ 1, got ${servers}`);
  if (!Number.isInteger(capacity) || capacity < servers) throw new RangeError(`capacity K must be a whole number ≥ servers (${servers}), got ${capacity}`);
  const c = servers;
  const mu = serviceRate;
  const offeredUtilisation = arrivalRate / (c * mu);
  if (arrivalRate === 0) {
    return {
      servers, capacity, arrivalRate, serviceRate, offeredUtilisation, utilisation: 0, probEmpty: 1, probLoss: 0, throughput: 0, meanInSystem: 0, meanQueueLength: 0,
      meanResponse: 1 / mu, meanWait: 0, probWait: 0, response: { mean: 1 / mu, variance: 1 / (mu * mu) },
    };
  }
  const a = arrivalRate / mu;
  const r = a / c;
  const tail = capacity - c;
  const logScale = r > 1 ? tail * Math.log(r) : 0;
  const scale = Math.exp(-logScale);

  // weights w_n = p_n / p_c, all multiplied by `scale` (= r^−(K−c) when the tail grows)
  const headSum = scale / erlangB(c, a);
  const headFirstMoment = (scale * c) / erlangB(c - 1, a);
  // one pass over w_(c+j) = scale·r^j, j = 0 … K−c, computed by multiplication in
  // the direction the weights fall (so an underflow to 0 is harmless):
  // Σ_{j≥1} w, Σ_{j≥1} j·w for the queue; Σ_{j<K−c} w·(j+1), w·(j+1)(j+2) for the waits
  let tailSum = 0;
  let tailQueue = 0;
  let arriveWait = 0;
  let wait1 = 0;
  let wait2 = 0;
  const visit = (j: number, w: number) => {
    if (j >= 1) {
      tailSum += w;
      tailQueue += j * w;
    }
    if (j < tail) {
      arriveWait += w;
      wait1 += w * (j + 1);
      wait2 += w * (j + 1) * (j + 2);
    }
  };
  if (r <= 1) {
    let w = scale;
    for (let j = 0; j <= tail; j++, w *= r) visit(j, w);
  } else {
    let w = 1;
    for (let j = tail; j >= 0; j--, w /= r) visit(j, w);
  }
  const total = headSum + tailSum;
  const pc = scale / total;
  const pK = tail === 0 ? pc : (r <= 1 ? scale * Math.pow(r, tail) : 1) / total;
  const probLoss = pK;
  const probEmpty = Math.exp(logGamma(c + 1) - c * Math.log(a) - logScale) / total;
  const meanInSystem = (headFirstMoment + c * tailSum + tailQueue) / total;
  const meanQueueLength = tailQueue / total;
  const throughput = arrivalRate * (1 - probLoss);

  // An accepted arrival sees n < K with probability p_n/(1 − p_K); if n = c + j it
  // waits for j + 1 departures at rate cμ (an Erlang time).
  const rate = c * mu;
  const accepted = total * (1 - probLoss);
  const probWait = arriveWait / accepted;
  const meanWait = wait1 / accepted / rate;
  const second = wait2 / accepted / (rate * rate);
  const meanResponse = meanWait + 1 / mu;
  return {
    servers, capacity, arrivalRate, serviceRate, offeredUtilisation,
    utilisation: throughput / (c * mu),
    probEmpty, probLoss, throughput, meanInSystem, meanQueueLength,
    meanResponse, meanWait, probWait,
    response: { mean: meanResponse, variance: second - meanWait * meanWait + 1 / (mu * mu) },
  };
}

/** M/M/1/K. */
export function mm1k(arrivalRate: number, serviceRate: number, capacity: number): FiniteQueueMetrics {
  return mmck(arrivalRate, serviceRate, 1, capacity);
}
