/**
 * Mean value analysis of closed product-form networks: a fixed population of
 * customers cycles between an optional think time and the stations.
 *
 * - `mva`: one class, exact. Queueing stations with several servers are
 *   load-dependent and use the marginal-probability recursion (Bolch et al.,
 *   Queueing Networks and Markov Chains, 2nd ed., §8.2.1); cost O(N·Σ min(c, N)).
 * - `multiClassMva`: several classes, exact (Reiser & Lavenberg 1980) over
 *   every population vector; cost O(Π(N_r + 1)·K·R). Multi-server stations
 *   there use Seidmann's approximation (a c-server station of demand D becomes
 *   a single server of demand D/c plus a delay of D(c−1)/c), exact for c = 1.
 * - `schweitzerMva`: several classes, the Bard–Schweitzer approximation, for
 *   populations too large for the exact recursion. Its error can be large for
 *   small classes (−26% in the Chandy–Neuse example of the reference cases).
 */

export interface ClosedStation {
  /** Service demand per request: visits × mean service time. */
  demand: number;
  /** Identical servers (default 1), or 'delay' for an infinite-server station. */
  servers?: number | 'delay';
}

export interface ClosedStationResult {
  /** Time per request at the station (all visits). */
  residence: number;
  /** Mean customers at the station. */
  queueLength: number;
  /** Busy fraction per server. */
  utilisation: number;
}

export interface MvaResult {
  /** Requests completed per unit time. */
  throughput: number;
  /** Mean time per request at the stations, think time excluded. */
  responseTime: number;
  stations: ClosedStationResult[];
}

/** Exact single-class MVA for `population` customers with think time `thinkTime`. */
export function mva(population: number, stations: readonly ClosedStation[], thinkTime = 0): MvaResult {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
  const K = stations.length;
  const queue = new Float64Array(K);
  const residence = new Float64Array(K);
  // marginal[k][j] = P(j customers at station k), j < c, for load-dependent stations
  const servers = stations.map((s) => (s.servers === 'delay' ? 0 : Math.min(s.servers ?? 1, Math.max(1, population))));
  const marginal = servers.map((c) => (c > 1 ? Float64Array.from({ length: c }, (_, j) => (j === 0 ? 1 : 0)) : undefined));
  let throughput = 0;
  for (let n = 1; n <= population; n++) {
    let total = thinkTime;
    for (let k = 0; k < K; k++) {
      const d = stations[k].demand;
      const c = servers[k];
      const p = marginal[k];
      if (c === 0) residence[k] = d;
      else if (!p) residence[k] = d * (1 + queue[k]);
      else {
        let idle = 0;
        for (let j = 0; j <= c - 2; j++) idle += (c - 1 - j) * p[j];
        residence[k] = (d / c) * (1 + queue[k] + idle);
      }
      total += residence[k];
    }
    throughput = total > 0 ? n / total : Infinity;
    for (let k = 0; k < K; k++) {
      queue[k] = throughput * residence[k];
      const p = marginal[k];
      if (!p) continue;
      const c = servers[k];
      const load = throughput * stations[k].demand;
      let busy = 0;
      for (let j = c - 1; j >= 1; j--) {
        p[j] = (load / j) * p[j - 1];
        busy += (c - j) * p[j];
      }
      p[0] = Math.max(0, 1 - (load + busy) / c);
    }
  }
  const responseTime = residence.reduce((a, b) => a + b, 0);
  return {
    throughput,
    responseTime,
    stations: stations.map((s, k) => ({
      residence: residence[k],
      queueLength: queue[k],
      utilisation: s.servers === 'delay' ? 0 : (throughput * s.demand) / (s.servers ?? 1),
    })),
  };
}

export interface MultiClassStation {
  /** Identical servers (default 1), or 'delay'. */
  servers?: number | 'delay';
}

export interface MultiClassResult {
  /** Per class. */
  throughput: number[];
  /** Per class: time per request at the stations, think time excluded. */
  responseTime: number[];
  /** [class][station]: time per request of that class at that station. */
  residence: number[][];
  /** [class][station]. */
  queueLength: number[][];
  /** Per station: busy fraction per server, all classes. */
  utilisation: number[];
}

/** Largest Π(N_r + 1)·K the exact multi-class recursion is allowed to take on. */
export const EXACT_MULTICLASS_LIMIT = 20_000_000;

/**
 * Exact multi-class MVA. `demands[r][k]` is class r's demand at station k;
 * `populations[r]` and `thinkTimes[r]` its customers and think time.
 */
export function multiClassMva(
  populations: readonly number[],
  demands: readonly (readonly number[])[],
  stations: readonly MultiClassStation[],
  thinkTimes: readonly number[] = populations.map(() => 0),
): MultiClassResult {
  const { R, K, D, delay, extraDelay } = prepareClasses(populations, demands, stations);
  const strides: number[] = [];
  let total = 1;
  for (let r = 0; r < R; r++) {
    strides.push(total);
    total *= populations[r] + 1;
  }
  if (total * K > EXACT_MULTICLASS_LIMIT) {
    throw new RangeError(`exact multi-class MVA would visit ${total} population vectors × ${K} stations; use schweitzerMva`);
  }
  const Q = new Float64Array(total * K);
  const n = new Array<number>(R).fill(0);
  const X = new Array<number>(R).fill(0);
  const Rk = demands.map(() => new Float64Array(K));
  for (let idx = 1; idx < total; idx++) {
    for (let r = 0; r < R; r++) {
      if (n[r] < populations[r]) {
        n[r]++;
        break;
      }
      n[r] = 0;
    }
    for (let r = 0; r < R; r++) {
      if (n[r] === 0) {
        X[r] = 0;
        continue;
      }
      const prev = (idx - strides[r]) * K;
      let sum = thinkTimes[r] + extraDelay[r];
      for (let k = 0; k < K; k++) {
        Rk[r][k] = delay[k] ? D[r][k] : D[r][k] * (1 + Q[prev + k]);
        sum += Rk[r][k];
      }
      X[r] = sum > 0 ? n[r] / sum : Infinity;
    }
    const base = idx * K;
    for (let k = 0; k < K; k++) {
      let q = 0;
      for (let r = 0; r < R; r++) if (n[r] > 0) q += X[r] * Rk[r][k];
      Q[base + k] = q;
    }
  }
  return classResult(populations, demands, stations, X, Rk);
}

/** Bard–Schweitzer approximate multi-class MVA (same arguments as multiClassMva). */
export function schweitzerMva(
  populations: readonly number[],
  demands: readonly (readonly number[])[],
  stations: readonly MultiClassStation[],
  thinkTimes: readonly number[] = populations.map(() => 0),
  tolerance = 1e-12,
): MultiClassResult {
  const { R, K, D, delay, extraDelay } = prepareClasses(populations, demands, stations);
  const Qrk = populations.map((N) => new Float64Array(K).fill(N / Math.max(1, K)));
  const Rk = populations.map(() => new Float64Array(K));
  const X = new Array<number>(R).fill(0);
  const Qk = new Float64Array(K);
  for (let iter = 0; iter < 100_000; iter++) {
    Qk.fill(0);
    for (let r = 0; r < R; r++) for (let k = 0; k < K; k++) Qk[k] += Qrk[r][k];
    let change = 0;
    for (let r = 0; r < R; r++) {
      const N = populations[r];
      if (N === 0) continue;
      let sum = thinkTimes[r] + extraDelay[r];
      for (let k = 0; k < K; k++) {
        Rk[r][k] = delay[k] ? D[r][k] : D[r][k] * (1 + Qk[k] - Qrk[r][k] / N);
        sum += Rk[r][k];
      }
      X[r] = N / sum;
    }
    for (let r = 0; r < R; r++) {
      for (let k = 0; k < K; k++) {
        const q = X[r] * Rk[r][k];
        change = Math.max(change, Math.abs(q - Qrk[r][k]));
        Qrk[r][k] = q;
      }
    }
    if (change < tolerance) break;
  }
  return classResult(populations, demands, stations, X, Rk);
}

/** Seidmann's split of multi-server stations, and per-class extra delay from it. */
function prepareClasses(populations: readonly number[], demands: readonly (readonly number[])[], stations: readonly MultiClassStation[]) {
  const R = populations.length;
  const K = stations.length;
  if (demands.length !== R || demands.some((row) => row.length !== K)) throw new RangeError('demands must be classes × stations');
  for (const N of populations) if (!Number.isInteger(N) || N < 0) throw new RangeError(`populations must be whole numbers ≥ 0, got ${N}`);
  const delay = stations.map((s) => s.servers === 'delay');
  const D = demands.map((row) => row.map((d, k) => (delay[k] ? d : d / serversOf(stations[k]))));
  const extraDelay = demands.map((row) => row.reduce((sum, d, k) => (delay[k] ? sum : sum + (d * (serversOf(stations[k]) - 1)) / serversOf(stations[k])), 0));
  return { R, K, D, delay, extraDelay };
}

function serversOf(s: MultiClassStation): number {
  return s.servers === 'delay' ? 1 : (s.servers ?? 1);
}

function classResult(
  populations: readonly number[], demands: readonly (readonly number[])[], stations: readonly MultiClassStation[],
  X: number[], Rk: Float64Array[],
): MultiClassResult {
  const residence = Rk.map((row, r) => Array.from(row, (v, k) => {
    // give the Seidmann delay part back to the station it came from
    const c = serversOf(stations[k]);
    return stations[k].servers === 'delay' ? v : v + (demands[r][k] * (c - 1)) / c;
  }));
  return {
    throughput: [...X],
    responseTime: residence.map((row, r) => (populations[r] === 0 ? 0 : row.reduce((a, b) => a + b, 0))),
    residence,
    queueLength: residence.map((row, r) => row.map((v) => X[r] * v)),
    utilisation: stations.map((s, k) => (s.servers === 'delay' ? 0 : demands.reduce((u, row, r) => u + X[r] * row[k], 0) / serversOf(s))),
  };
}
