/**
 * The model at one month: load per station, the instances an autoscaler
 * would run (enough for the target utilisation, within min..max), each
 * station's queue, and each workload's latency.
 *
 * Open workloads add Poisson arrivals. Closed workloads (users + think time)
 * are solved by MVA on the stations they wait for, with each station's
 * demand inflated by 1/(1 − U_open) for the open load it also carries (the
 * standard mixed-network treatment, exact for single-server product-form
 * stations); their throughput then joins the open arrivals at each station.
 */
import { gammaFitQuantile, type Moments } from './distribution.js';
import { mmcResponsePercentile } from './markovian.js';
import { growthFactor, type CapacityModel, type Station, type WorkloadModel } from './model.js';
import { EXACT_MULTICLASS_LIMIT, multiClassMva, mva, schweitzerMva } from './mva.js';
import { instancesNeeded, solveStation, type StationState } from './station.js';

/** Largest N·Σ min(c, N) for the exact load-dependent single-class MVA. */
const EXACT_SINGLE_CLASS_LIMIT = 5_000_000;

export type LatencyMethod = 'exact' | 'gamma-fit' | 'mva+gamma-fit';
export type ClosedMethod = 'exact-mva' | 'exact-mva-seidmann' | 'schweitzer-seidmann';

export interface Latency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  /** exact: one M/M/c station visited once; gamma-fit: a gamma distribution with the path's mean and variance. */
  method: LatencyMethod;
}

export interface WorkloadSolution {
  id: string;
  kind: 'open' | 'closed';
  /** Requests per second: offered (open) or completed (closed). */
  rate: number;
  /** Closed: concurrent users. */
  users?: number;
  latency: Latency;
  /** Probability a request is dropped on its synchronous path. */
  dropProbability: number;
  /** The busiest station the workload visits. */
  bottleneck?: { component: string; utilisation: number };
  closedMethod?: ClosedMethod;
}

export interface MonthSolution {
  month: number;
  instances: Int32Array;
  /** Offered arrivals per second at each station. */
  arrivalRate: Float64Array;
  states: (StationState | undefined)[];
  workloads: WorkloadSolution[];
}

export interface MonthLoad {
  /** Open arrivals per station, asynchronous steps of closed workloads included. */
  open: Float64Array;
  /** Closed workloads' arrivals per station if nothing queued: N/(Z + D) per request (the demand they bring). */
  closedDemand: Float64Array;
  /** Closed workloads' users this month, by workload index. */
  users: Float64Array;
}

/** The load of one month; `into` (from an earlier call) is reused instead of allocating. */
export function loadAt(model: CapacityModel, month: number, into?: MonthLoad): MonthLoad {
  const K = model.stations.length;
  const open = into ? into.open.fill(0) : new Float64Array(K);
  const closedDemand = into ? into.closedDemand.fill(0) : new Float64Array(K);
  const users = into ? into.users.fill(0) : new Float64Array(model.workloads.length);
  model.workloads.forEach((w, i) => {
    const f = growthFactor(w, month);
    if (w.kind === 'open') {
      const rate = w.peakRate * f;
      for (let j = 0; j < w.stations.length; j++) open[w.stations[j]] += rate * w.loadVisits[j];
      return;
    }
    users[i] = Math.max(1, Math.round(w.peakUsers * f));
    const cycle = w.thinkTime + syncDemand(model, w);
    // a cycle of zero length (no think time, nothing modelled on the path) issues no measurable load
    const x = cycle > 0 ? users[i] / cycle : 0;
    for (let j = 0; j < w.stations.length; j++) {
      const k = w.stations[j];
      closedDemand[k] += x * w.syncVisits[j];
      open[k] += x * (w.loadVisits[j] - w.syncVisits[j]);
    }
  });
  return { open, closedDemand, users };
}

/** Instances per station at this load: what the target utilisation needs, within min..max (the minimum without load); `into` is reused. */
export function instancesAt(model: CapacityModel, load: MonthLoad, into?: Int32Array): Int32Array {
  const out = into ? (into.set(model.minInstances), into) : model.minInstances.slice();
  for (const k of model.loadedStations) {
    const s = model.stations[k];
    out[k] = Math.min(s.instancesMax, instancesNeeded(s, load.open[k] + load.closedDemand[k], model.targetUtilisation));
  }
  return out;
}

export function solveMonth(model: CapacityModel, month: number): MonthSolution {
  const load = loadAt(model, month);
  const instances = instancesAt(model, load);
  const closed = solveClosed(model, load, instances);
  const arrivalRate = Float64Array.from(load.open, (v, k) => v + closed.arrivals[k]);
  // Stations without load are alike when their queues are: solve each kind once (thousands on a large design),
  // found by service time (a number key, where a text key took longer than the solving).
  const idle = new Map<number, { station: Station; instances: number; state: StationState }[]>();
  const states = model.stations.map((s, k) => {
    if (s.serviceTime === undefined) return undefined;
    if (arrivalRate[k] !== 0) return solveStation(s, instances[k], arrivalRate[k]);
    let alike = idle.get(s.serviceTime);
    if (!alike) idle.set(s.serviceTime, (alike = []));
    for (let i = 0; i < alike.length; i++) {
      if (alike[i].instances === instances[k] && sameQueue(alike[i].station, s)) return alike[i].state;
    }
    const state = Object.freeze(solveStation(s, instances[k], 0));
    alike.push({ station: s, instances: instances[k], state });
    return state;
  });
  const workloads = model.workloads.map((w, i) => {
    if (w.kind === 'open') return openWorkload(w, growthFactor(w, month) * w.peakRate, states, model);
    return closedWorkload(w, load.users[i], closed.byWorkload.get(i)!, states, model);
  });
  return { month, instances, arrivalRate, states, workloads };
}

function sameQueue(a: Station, b: Station): boolean {
  return a.serviceTime === b.serviceTime && a.serviceCv2 === b.serviceCv2 && a.concurrency === b.concurrency && a.queueLimit === b.queueLimit;
}

/** Latency of an open workload given station states (used for the month table and the month-by-month targets). */
export function openWorkload(w: WorkloadModel, rate: number, states: readonly (StationState | undefined)[], model: CapacityModel): WorkloadSolution {
  const moments: Moments = { mean: 0, variance: 0 };
  let visited = 0;
  let single: StationState | undefined;
  let survive = 1;
  for (let j = 0; j < w.stations.length; j++) {
    const v = w.syncVisits[j];
    if (v === 0) continue;
    const st = states[w.stations[j]]!;
    visited++;
    single = v === 1 ? st : undefined;
    moments.mean += v * st.residence;
    moments.variance += v * st.moments.variance;
    survive *= Math.pow(1 - st.dropProbability, v);
  }
  const exact = visited === 1 && single?.markovian !== undefined;
  const latency: Latency = exact
    ? { mean: moments.mean, ...percentiles((q) => mmcResponsePercentile(single!.markovian!, q)), method: 'exact' }
    : { mean: moments.mean, ...percentiles((q) => gammaFitQuantile(moments, q)), method: 'gamma-fit' };
  return { id: w.id, kind: 'open', rate, latency, dropProbability: 1 - survive, bottleneck: bottleneckOf(w, states, model) };
}

export function closedWorkload(w: WorkloadModel, users: number, solved: ClosedSolution, states: readonly (StationState | undefined)[], model: CapacityModel): WorkloadSolution {
  const moments: Moments = { mean: 0, variance: 0 };
  let survive = 1;
  for (let j = 0; j < w.stations.length; j++) {
    const v = w.syncVisits[j];
    if (v === 0) continue;
    const st = states[w.stations[j]]!;
    const r = solved.residence[j];
    const perVisit = r / v;
    // the MVA gives the mean; the spread per visit is the station's own (squared CV of its open-queue time)
    const cv2 = Number.isFinite(st.moments.variance) && st.residence > 0 ? st.moments.variance / (st.residence * st.residence) : 1;
    moments.mean += r;
    moments.variance += v * cv2 * perVisit * perVisit;
    survive *= Math.pow(1 - st.dropProbability, v);
  }
  return {
    id: w.id, kind: 'closed', rate: solved.throughput, users,
    latency: { mean: moments.mean, ...percentiles((q) => gammaFitQuantile(moments, q)), method: 'mva+gamma-fit' },
    dropProbability: 1 - survive, bottleneck: bottleneckOf(w, states, model), closedMethod: solved.method,
  };
}

function percentiles(quantile: (q: number) => number) {
  return { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) };
}

function bottleneckOf(w: WorkloadModel, states: readonly (StationState | undefined)[], model: CapacityModel) {
  let best: { component: string; utilisation: number } | undefined;
  for (let j = 0; j < w.stations.length; j++) {
    const st = states[w.stations[j]];
    if (st && (!best || st.utilisation > best.utilisation)) best = { component: model.stations[w.stations[j]].id, utilisation: st.utilisation };
  }
  return best;
}

function syncDemand(model: CapacityModel, w: WorkloadModel): number {
  let d = 0;
  for (let j = 0; j < w.stations.length; j++) d += w.syncVisits[j] * model.stations[w.stations[j]].serviceTime!;
  return d;
}

export interface ClosedSolution {
  throughput: number;
  /** Per entry of the workload's station list: time per request there. */
  residence: Float64Array;
  method: ClosedMethod;
}

/** The closed workloads at one month: MVA on the stations they wait at; their arrivals per station. */
export function solveClosed(model: CapacityModel, load: MonthLoad, instances: Int32Array): { arrivals: Float64Array; byWorkload: Map<number, ClosedSolution> } {
  const arrivals = new Float64Array(model.stations.length);
  const byWorkload = new Map<number, ClosedSolution>();
  const classes = model.workloads.map((w, i) => ({ w, i })).filter(({ w }) => w.kind === 'closed');
  if (classes.length === 0) return { arrivals, byWorkload };

  // the stations any closed class waits at, and their open utilisation
  const used = new Map<number, number>();
  for (const { w } of classes) for (let j = 0; j < w.stations.length; j++) if (w.syncVisits[j] > 0 && !used.has(w.stations[j])) used.set(w.stations[j], used.size);
  const ks = [...used.keys()];
  const servers = ks.map((k) => instances[k] * model.stations[k].concurrency);
  const openU = ks.map((k, n) => (load.open[k] * model.stations[k].serviceTime!) / servers[n]);
  const demands = classes.map(({ w }) => {
    const row = new Array<number>(ks.length).fill(0);
    for (let j = 0; j < w.stations.length; j++) {
      const n = used.get(w.stations[j]);
      if (n !== undefined) row[n] += (w.syncVisits[j] * model.stations[w.stations[j]].serviceTime!) / Math.max(0, 1 - openU[n]);
    }
    return row;
  });
  const populations = classes.map(({ i }) => load.users[i]);
  const thinkTimes = classes.map(({ w }) => w.thinkTime);
  const stations = servers.map((c) => ({ servers: c }));

  let throughput: number[];
  let residence: number[][];
  let method: ClosedMethod;
  if (demands.some((row) => row.some((d) => !Number.isFinite(d)))) {
    // open load alone saturates a station these users wait at: they get nowhere;
    // the other classes are given their throughput without queueing (a bound)
    throughput = classes.map(({ w }, r) => (demands[r].some((d) => !Number.isFinite(d)) ? 0 : populations[r] / (w.thinkTime + demands[r].reduce((a, b) => a + b, 0))));
    residence = demands.map((row) => [...row]);
    method = 'exact-mva';
  } else if (demands.every((row, r) => thinkTimes[r] + row.reduce((a, b) => a + b, 0) === 0)) {
    throughput = classes.map(() => 0);
    residence = demands.map((row) => row.map(() => 0));
    method = 'exact-mva';
  } else if (classes.length === 1 && populations[0] * servers.reduce((s, c) => s + Math.min(c, populations[0]), 0) <= EXACT_SINGLE_CLASS_LIMIT) {
    const r = mva(populations[0], demands[0].map((d, n) => ({ demand: d, servers: servers[n] })), thinkTimes[0]);
    throughput = [r.throughput];
    residence = [r.stations.map((s) => s.residence)];
    method = 'exact-mva';
  } else if (populations.reduce((p, n) => p * (n + 1), 1) * ks.length <= EXACT_MULTICLASS_LIMIT) {
    const r = multiClassMva(populations, demands, stations, thinkTimes);
    throughput = r.throughput;
    residence = r.residence;
    method = 'exact-mva-seidmann';
  } else {
    const r = schweitzerMva(populations, demands, stations, thinkTimes);
    throughput = r.throughput;
    residence = r.residence;
    method = 'schweitzer-seidmann';
  }

  classes.forEach(({ w, i }, r) => {
    const res = new Float64Array(w.stations.length);
    for (let j = 0; j < w.stations.length; j++) {
      const n = used.get(w.stations[j]);
      if (n === undefined || w.syncVisits[j] === 0) continue;
      res[j] = residence[r][n];
      arrivals[w.stations[j]] += throughput[r] * w.syncVisits[j];
    }
    byWorkload.set(i, { throughput: throughput[r], residence: res, method });
  });
  return { arrivals, byWorkload };
}
