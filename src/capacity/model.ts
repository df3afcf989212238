/**
 * The design seen as a queueing network: one station per component that
 * states a service time (instances × concurrency servers), and per workload
 * the visits it makes to each station, from its path tree.
 *
 * A path step is asynchronous when it says `async: true`, or when every link
 * from its caller to it is asynchronous (a queue protocol, or `mode: async`).
 * Asynchronous steps and everything below them add load but not latency.
 */
import type { Component, Design, Workload, WorkloadNode } from '../model/design.js';
import { parsePercent } from '../model/units.js';

export const DEFAULT_TARGET_UTILISATION = 0.7;

export interface Station {
  id: string;
  component: Component;
  /** Mean service time in seconds; undefined when the design states none (the component is then not modelled). */
  serviceTime?: number;
  /** Squared coefficient of variation of the service time (1 = exponential). */
  serviceCv2: number;
  /** Requests one instance serves at once. */
  concurrency: number;
  instancesMin: number;
  /** Most instances: instances.max, or instances.min when the component does not scale out. */
  instancesMax: number;
  /** Requests that may wait per instance before arrivals are dropped. */
  queueLimit?: number;
  perInstanceMonthly: number;
  fixedMonthly: number;
}

export interface WorkloadModel {
  id: string;
  workload: Workload;
  kind: 'open' | 'closed';
  /** Open: requests per second at peak in month 0 (rate × peakFactor). */
  peakRate: number;
  /** Closed: concurrent users at peak in month 0 (users × peakFactor). */
  peakUsers: number;
  thinkTime: number;
  growthPerMonth: number;
  horizonMonths: number;
  /** Stations this workload visits (indices into CapacityModel.stations), with… */
  stations: Int32Array;
  /** …visits per request at each: every step, asynchronous ones included (load)… */
  loadVisits: Float64Array;
  /** …and only the steps the caller waits for (latency). */
  syncVisits: Float64Array;
  /** Components on the synchronous path that state no service time, so add nothing to the latency. */
  unmodelledOnPath: string[];
}

export interface CapacityModel {
  design: Design;
  stations: Station[];
  stationIndex: Map<string, number>;
  workloads: WorkloadModel[];
  /**
   * Stations some workload visits, ascending. Every other station carries no
   * load in any month, so month-by-month work need only visit these: a large
   * design has thousands of components and a handful of workloads.
   */
  loadedStations: Int32Array;
  /** instances.min of every station: the instances of a station without load. */
  minInstances: Int32Array;
  targetUtilisation: number;
  /** The longest workload horizon, in months. */
  horizonMonths: number;
  budget?: { monthly: number; currency: string };
}

export interface ModelOptions {
  /** Target utilisation as a fraction (0.7); default: the design's capacity.targetUtilisation, else 70%. */
  targetUtilisation?: number;
}

export function buildModel(design: Design, options: ModelOptions = {}): CapacityModel {
  const stations = design.components.map(stationOf);
  const stationIndex = new Map(stations.map((s, i) => [s.id, i]));
  const targetUtilisation = options.targetUtilisation ?? designTargetUtilisation(design) ?? DEFAULT_TARGET_UTILISATION;
  if (!(targetUtilisation > 0 && targetUtilisation <= 1)) throw new RangeError(`target utilisation must be in (0, 100%], got ${targetUtilisation}`);
  const workloads = design.workloads.map((w) => workloadOf(design, w, stationIndex, stations));
  const budget = design.system.constraints?.budget;
  const visited = new Uint8Array(stations.length);
  for (const w of workloads) for (let j = 0; j < w.stations.length; j++) visited[w.stations[j]] = 1;
  const loadedStations: number[] = [];
  visited.forEach((v, k) => {
    if (v) loadedStations.push(k);
  });
  return {
    design, stations, stationIndex, workloads, targetUtilisation,
    loadedStations: Int32Array.from(loadedStations),
    minInstances: Int32Array.from(stations, (s) => s.instancesMin),
    horizonMonths: workloads.reduce((h, w) => Math.max(h, w.horizonMonths), 0),
    budget: budget ? { monthly: budget.monthly, currency: budget.currency } : undefined,
  };
}

/** capacity.targetUtilisation of the design as a fraction, when it states a usable one (0 < u ≤ 100%). */
export function designTargetUtilisation(design: Design): number | undefined {
  const text = design.capacity?.targetUtilisation;
  const value = text ? parsePercent(text) : undefined;
  return value !== undefined && value > 0 && value <= 1 ? value : undefined;
}

function stationOf(c: Component): Station {
  return {
    id: c.id,
    component: c,
    serviceTime: c.serviceTimeSeconds !== undefined && c.serviceTimeSeconds > 0 ? c.serviceTimeSeconds : undefined,
    serviceCv2: cv2Of(c),
    concurrency: c.concurrency ?? 1,
    instancesMin: c.instancesMin,
    instancesMax: c.scalesOut === false ? c.instancesMin : Math.max(c.instancesMin, c.instancesMax),
    queueLimit: c.queueLimit,
    perInstanceMonthly: c.cost?.perInstanceMonthly ?? 0,
    fixedMonthly: c.cost?.fixedMonthly ?? 0,
  };
}

/** Exponential (the default) has cs² = 1, constant 0; lognormal takes its stated cv (default 1). */
function cv2Of(c: Component): number {
  const d = c.serviceTimeDistribution;
  if (d === undefined) return 1;
  const kind = typeof d === 'string' ? d : d.kind;
  if (kind === 'exponential') return 1;
  if (kind === 'constant') return 0;
  const cv = typeof d === 'string' ? 1 : (d.cv ?? 1);
  return cv * cv;
}

function workloadOf(design: Design, w: Workload, index: Map<string, number>, stations: Station[]): WorkloadModel {
  const load = new Map<number, number>();
  const sync = new Map<number, number>();
  const unmodelled = new Set<string>();
  // iterative walk: paths in generated designs can be deep
  const stack: { node: WorkloadNode; caller?: string; waited: boolean }[] = [{ node: w.root, waited: true }];
  while (stack.length > 0) {
    const { node, caller, waited } = stack.pop()!;
    const onSyncPath = waited && !isAsync(design, node, caller);
    const k = index.get(node.component);
    if (k !== undefined && stations[k].serviceTime !== undefined) {
      load.set(k, (load.get(k) ?? 0) + node.visits);
      if (onSyncPath) sync.set(k, (sync.get(k) ?? 0) + node.visits);
    } else if (onSyncPath) {
      unmodelled.add(node.component);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], caller: node.component, waited: onSyncPath });
  }
  const ks = [...load.keys()];
  const closed = w.ratePerSecond === undefined && w.users !== undefined;
  return {
    id: w.id,
    workload: w,
    kind: closed ? 'closed' : 'open',
    peakRate: closed ? 0 : (w.ratePerSecond ?? 0) * w.peakFactorValue,
    peakUsers: closed ? (w.users ?? 0) * w.peakFactorValue : 0,
    thinkTime: w.thinkTimeSeconds ?? 0,
    growthPerMonth: w.growthPerMonth,
    horizonMonths: w.horizonMonths,
    stations: Int32Array.from(ks),
    loadVisits: Float64Array.from(ks, (k) => load.get(k)!),
    syncVisits: Float64Array.from(ks, (k) => sync.get(k) ?? 0),
    unmodelledOnPath: [...unmodelled],
  };
}

function isAsync(design: Design, node: WorkloadNode, caller: string | undefined): boolean {
  if (node.async) return true;
  if (caller === undefined) return false;
  let links = 0;
  for (const l of design.linksFrom.get(caller) ?? []) {
    if (l.to !== node.component) continue;
    if (l.mode !== 'async') return false;
    links++;
  }
  return links > 0;
}

/** How much a workload's load has grown by month m: (1 + g)^m, held level after its own horizon when it states one. */
export function growthFactor(w: WorkloadModel, month: number): number {
  const m = w.horizonMonths > 0 ? Math.min(month, w.horizonMonths) : month;
  return Math.pow(1 + w.growthPerMonth, m);
}
