/**
 * Open product-form (Jackson) networks: Poisson arrivals, exponential
 * service, probabilistic routing summarised by visit ratios. Each station
 * behaves as an independent M/M/c queue at its own arrival rate λ·V_k
 * (Jackson's theorem), so the network's figures are sums over stations.
 */
import { mmc } from './markovian.js';

export interface OpenStation {
  /** Mean service time per visit. */
  serviceTime: number;
  /** Visits per request (visit ratio). */
  visits: number;
  /** Identical servers; 'delay' for an infinite-server (pure delay) station. Default 1. */
  servers?: number | 'delay';
}

export interface OpenStationResult {
  throughput: number;
  /** Per server. */
  utilisation: number;
  /** Mean number at the station (waiting and in service). */
  queueLength: number;
  /** Mean time per visit (wait and service). */
  responsePerVisit: number;
  /** Mean time per request: visits × responsePerVisit. */
  residence: number;
  stable: boolean;
}

export interface OpenNetworkResult {
  stations: OpenStationResult[];
  /** Mean time a request spends in the network. */
  responseTime: number;
  /** Mean number of requests in the network. */
  population: number;
  stable: boolean;
}

export function openNetwork(arrivalRate: number, stations: readonly OpenStation[]): OpenNetworkResult {
  const results = stations.map((s): OpenStationResult => {
    const throughput = arrivalRate * s.visits;
    if (s.servers === 'delay') {
      return { throughput, utilisation: 0, queueLength: throughput * s.serviceTime, responsePerVisit: s.serviceTime, residence: s.visits * s.serviceTime, stable: true };
    }
    const m = mmc(throughput, 1 / s.serviceTime, s.servers ?? 1);
    return {
      throughput, utilisation: m.utilisation, queueLength: m.meanInSystem, responsePerVisit: m.meanResponse,
      residence: s.visits * m.meanResponse, stable: m.stable,
    };
  });
  const responseTime = results.reduce((sum, r) => sum + r.residence, 0);
  return { stations: results, responseTime, population: arrivalRate * responseTime, stable: results.every((r) => r.stable) };
}
