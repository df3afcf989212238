/**
 * One station at one load: which queueing model applies and what it predicts.
 *
 * - a queue limit → M/M/c/K (exact for exponential service; the stated
 *   service-time variability is not used there);
 * - exponential service → M/M/c (exact, Erlang C);
 * - otherwise → M/G/c by Allen–Cunneen (see general.ts for its error).
 */
import type { Moments } from './distribution.js';
import { mmck } from './finite.js';
import { mgc, mgcResponseMoments } from './general.js';
import { mmc, mmcResponseMoments, type QueueMetrics } from './markovian.js';
import type { Station } from './model.js';

export type QueueModel = 'M/M/c' | 'M/G/c' | 'M/M/c/K';

export interface StationState {
  model: QueueModel;
  servers: number;
  arrivalRate: number;
  /** Requests accepted per second. */
  throughput: number;
  /** Offered load per server, λS/c; ≥ 1 means saturated. */
  utilisation: number;
  saturated: boolean;
  probWait: number;
  /** Mean wait in queue per visit, seconds. */
  queueingDelay: number;
  /** Mean time per visit, wait and service, seconds (Infinity when saturated without a queue limit). */
  residence: number;
  /** Mean and variance of the time per visit. */
  moments: Moments;
  /** Probability a visit is dropped (queue limit reached). */
  dropProbability: number;
  /** The M/M/c metrics, when the model is M/M/c (their percentiles are exact). */
  markovian?: QueueMetrics;
}

export function solveStation(station: Station, instances: number, arrivalRate: number): StationState {
  const s = station.serviceTime!;
  const servers = Math.max(1, instances * station.concurrency);
  const utilisation = (arrivalRate * s) / servers;
  if (station.queueLimit !== undefined) {
    const f = mmck(arrivalRate, 1 / s, servers, servers + instances * station.queueLimit);
    return {
      model: 'M/M/c/K', servers, arrivalRate, throughput: f.throughput, utilisation, saturated: utilisation >= 1,
      probWait: f.probWait, queueingDelay: f.meanWait, residence: f.meanResponse, moments: f.response, dropProbability: f.probLoss,
    };
  }
  const exponential = station.serviceCv2 === 1;
  const q = exponential ? mmc(arrivalRate, 1 / s, servers) : mgc(arrivalRate, s, servers, station.serviceCv2);
  return {
    model: exponential ? 'M/M/c' : 'M/G/c', servers, arrivalRate, throughput: arrivalRate, utilisation, saturated: !q.stable,
    probWait: q.probWait, queueingDelay: q.meanWait, residence: q.meanResponse,
    moments: exponential ? mmcResponseMoments(q) : mgcResponseMoments(q, station.serviceCv2),
    dropProbability: 0,
    markovian: exponential ? q : undefined,
  };
}

/** Instances a station needs to keep utilisation at or under `target` for `arrivalRate` (at least its minimum). */
export function instancesNeeded(station: Station, arrivalRate: number, target: number): number {
  if (station.serviceTime === undefined) return station.instancesMin;
  const exact = (arrivalRate * station.serviceTime) / (station.concurrency * target);
  // tolerate float noise so that exactly-at-target loads do not round up
  return Math.max(station.instancesMin, Math.ceil(exact * (1 - 1e-12)));
}
