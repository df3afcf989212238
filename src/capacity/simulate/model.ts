/**
 * Compiles a resolved design into the simulator's flat model: stations
 * (components on some workload's path), path nodes (one per step of each
 * workload's call tree, plus a client node per workload that issues the
 * requests) and sources (open arrivals or closed users), all in typed arrays.
 */
import type { Component, Design, WorkloadNode } from '../../model/design.js';
import type { Fault } from './faults.js';

/** Service-time distribution codes. */
export const DIST_EXPONENTIAL = 0;
export const DIST_CONSTANT = 1;
export const DIST_LOGNORMAL = 2;

/** nodeStation for a node whose component takes no time (no serviceTime stated). */
export const PASS_THROUGH = -1;
/** nodeStation for a workload's client node. */
export const CLIENT = -2;

export interface StationTable {
  ids: string[];
  /** Instances up at the start. */
  instances: Int32Array;
  /** Workers per instance (`concurrency`). */
  concurrency: Int32Array;
  /** Requests that may wait per instance; -1 when unbounded. */
  queueLimit: Int32Array;
  meanService: Float64Array;
  distribution: Int32Array;
  /** σ of the underlying normal for lognormal service times. */
  lognormalSigma: Float64Array;
}

export interface NodeTable {
  /** Station index, PASS_THROUGH or CLIENT. */
  station: Int32Array;
  component: string[];
  callsWhole: Int32Array;
  /** Fractional part of `calls`: one more call with this probability. */
  callsFraction: Float64Array;
  async: Uint8Array;
  /** How long a caller waits for this node's component (Infinity: no timeout). */
  timeout: Float64Array;
  /** How often a caller retries a failed call to this node's component. */
  retries: Int32Array;
  childStart: Int32Array;
  childEnd: Int32Array;
  childList: Int32Array;
  workload: Int32Array;
}

export interface SourceTable {
  ids: string[];
  clientNode: Int32Array;
  open: Uint8Array;
  /** Open: requests per second (rate × peakFactor × growth). */
  rate: Float64Array;
  /** Closed: concurrent users (× growth). */
  users: Int32Array;
  thinkTime: Float64Array;
}

/** A fault as events on station indexes. */
export interface FaultEvent {
  time: number;
  station: number;
  /** Instances removed (negative: restored). */
  instancesDown: number;
  /** Multiplies service times (1: no change). */
  slowFactor: number;
}

export interface SimModel {
  stations: StationTable;
  nodes: NodeTable;
  sources: SourceTable;
  faults: FaultEvent[];
  /** What the model leaves out or assumes, in words. */
  notes: string[];
}

export interface CompileOptions {
  /** Month of growth (0: today's load). */
  month?: number;
  faults?: readonly Fault[];
  /** Instances per component: the stated minimum (default) or the autoscaling maximum. */
  instances?: 'min' | 'max';
}

export function compileModel(design: Design, options: CompileOptions = {}): SimModel {
  const month = options.month ?? 0;
  const notes: string[] = [];
  const components = new Map(design.components.map((c) => [c.id, c]));
  const stationIndex = new Map<string, number>();
  const stationComponents: Component[] = [];
  const passThrough = new Set<string>();

  const stationOf = (id: string): number => {
    const known = stationIndex.get(id);
    if (known !== undefined) return known;
    const c = components.get(id);
    if (!c || c.serviceTimeSeconds === undefined || !(c.serviceTimeSeconds > 0)) {
      if (!passThrough.has(id)) {
        passThrough.add(id);
        notes.push(`${id}: no serviceTime or capacity stated — calls pass through it without delay or queueing`);
      }
      return PASS_THROUGH;
    }
    stationIndex.set(id, stationComponents.length);
    stationComponents.push(c);
    return stationComponents.length - 1;
  };

  const asyncLinks = new Set(design.links.filter((l) => l.mode === 'async').map((l) => `${l.from}\u0000${l.to}`));

  // Flatten every workload's tree: client node first, then its path nodes depth first.
  const station: number[] = [];
  const component: string[] = [];
  const calls: number[] = [];
  const isAsync: number[] = [];
  const children: number[][] = [];
  const workloadOf: number[] = [];
  const sources: SourceTable = {
    ids: [], clientNode: new Int32Array(design.workloads.length), open: new Uint8Array(design.workloads.length),
    rate: new Float64Array(design.workloads.length), users: new Int32Array(design.workloads.length),
    thinkTime: new Float64Array(design.workloads.length),
  };

  const addNode = (st: number, comp: string, n: number, asyncStep: boolean, w: number): number => {
    station.push(st);
    component.push(comp);
    calls.push(n);
    isAsync.push(asyncStep ? 1 : 0);
    children.push([]);
    workloadOf.push(w);
    return station.length - 1;
  };
  const addTree = (node: WorkloadNode, parentComponent: string | undefined, w: number): number => {
    const viaAsyncLink = parentComponent !== undefined && asyncLinks.has(`${parentComponent}\u0000${node.component}`);
    const index = addNode(stationOf(node.component), node.component, node.calls, node.async || viaAsyncLink, w);
    for (const child of node.children) children[index].push(addTree(child, node.component, w));
    return index;
  };

  design.workloads.forEach((workload, w) => {
    const growth = Math.pow(1 + workload.growthPerMonth, month);
    sources.ids.push(workload.id);
    const client = addNode(CLIENT, '', 1, false, w);
    sources.clientNode[w] = client;
    children[client].push(addTree(workload.root, undefined, w));
    if (workload.ratePerSecond !== undefined) {
      sources.open[w] = 1;
      sources.rate[w] = workload.ratePerSecond * workload.peakFactorValue * growth;
    } else {
      sources.users[w] = Math.round((workload.users ?? 0) * growth);
      sources.thinkTime[w] = workload.thinkTimeSeconds ?? 0;
    }
  });

  const childStart = new Int32Array(station.length);
  const childEnd = new Int32Array(station.length);
  const childList: number[] = [];
  children.forEach((list, i) => {
    childStart[i] = childList.length;
    childList.push(...list);
    childEnd[i] = childList.length;
  });

  const nodeComponent = (i: number) => components.get(component[i]);
  const nodes: NodeTable = {
    station: Int32Array.from(station),
    component,
    callsWhole: Int32Array.from(calls, Math.floor),
    callsFraction: Float64Array.from(calls, (n) => n - Math.floor(n)),
    async: Uint8Array.from(isAsync),
    timeout: Float64Array.from(station, (_, i) => nodeComponent(i)?.timeoutSeconds ?? Infinity),
    retries: Int32Array.from(station, (_, i) => nodeComponent(i)?.retries ?? 0),
    childStart, childEnd,
    childList: Int32Array.from(childList),
    workload: Int32Array.from(workloadOf),
  };

  if (design.workloads.length === 0) notes.push('the design states no workloads: nothing to simulate (add workloads with a rate or users and a path)');
  const stations = stationTable(stationComponents, options.instances ?? 'min', notes);
  const faults = (options.faults ?? []).flatMap((f) => faultEvents(f, stationIndex, notes));
  return { stations, nodes, sources, faults, notes };
}

function stationTable(list: Component[], instances: 'min' | 'max', notes: string[]): StationTable {
  const n = list.length;
  const table: StationTable = {
    ids: list.map((c) => c.id),
    instances: new Int32Array(n), concurrency: new Int32Array(n), queueLimit: new Int32Array(n),
    meanService: new Float64Array(n), distribution: new Int32Array(n), lognormalSigma: new Float64Array(n),
  };
  list.forEach((c, s) => {
    table.instances[s] = instances === 'max' ? c.instancesMax : c.instancesMin;
    table.concurrency[s] = c.concurrency ?? 1;
    table.queueLimit[s] = c.queueLimit ?? -1;
    table.meanService[s] = c.serviceTimeSeconds!;
    const spec = c.serviceTimeDistribution;
    const kind = spec === undefined ? 'exponential' : typeof spec === 'string' ? spec : spec.kind;
    const cv = typeof spec === 'object' && spec.cv !== undefined ? spec.cv : 1;
    if (kind === 'constant' || (kind === 'lognormal' && cv === 0)) {
      table.distribution[s] = DIST_CONSTANT;
    } else if (kind === 'lognormal') {
      table.distribution[s] = DIST_LOGNORMAL;
      table.lognormalSigma[s] = Math.sqrt(Math.log(1 + cv * cv));
    } else {
      table.distribution[s] = DIST_EXPONENTIAL;
      if (typeof spec === 'object' && spec.cv !== undefined && spec.cv !== 1) {
        notes.push(`${c.id}: an exponential service time has cv 1; the stated cv ${spec.cv} is ignored (use lognormal)`);
      }
    }
  });
  return table;
}

function faultEvents(fault: Fault, stationIndex: Map<string, number>, notes: string[]): FaultEvent[] {
  const s = stationIndex.get(fault.component);
  if (s === undefined) {
    notes.push(`fault on ${fault.component} has no effect: it is on no workload's path with a service time`);
    return [];
  }
  const events: FaultEvent[] = [];
  if (fault.kind === 'fail') {
    events.push({ time: fault.from, station: s, instancesDown: 1, slowFactor: 1 });
    if (fault.to !== undefined) events.push({ time: fault.to, station: s, instancesDown: -1, slowFactor: 1 });
  } else {
    events.push({ time: fault.from, station: s, instancesDown: 0, slowFactor: fault.factor });
    if (fault.to !== undefined) events.push({ time: fault.to, station: s, instancesDown: 0, slowFactor: 1 / fault.factor });
  }
  return events;
}
