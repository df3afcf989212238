/**
 * analyseCapacity: the design's capacity report — per component and per
 * workload at one month, growth month by month, and each latency target of
 * the requirements checked now and across the horizon.
 */
import type { Design } from '../model/design.js';
import { parseDuration } from '../model/units.js';
import { buildModel, growthFactor, type CapacityModel, type ModelOptions } from './model.js';
import { growthPlan, type GrowthPlan } from './growth.js';
import {
  closedWorkload, instancesAt, loadAt, openWorkload, solveClosed, solveMonth, type MonthLoad, type MonthSolution, type WorkloadSolution,
} from './solve.js';
import { solveStation, type QueueModel, type StationState } from './station.js';

export interface CapacityOptions extends ModelOptions {
  /** The month to report in detail (0 = today's peak). Default 0. */
  month?: number;
}

export interface ComponentReport {
  id: string;
  kind: string;
  /** False when the design states no serviceTime or capacity: the component then adds no delay. */
  modelled: boolean;
  model?: QueueModel;
  instances: number;
  instancesMin: number;
  instancesMax: number;
  /** instances × concurrency. */
  servers?: number;
  serviceTime?: number;
  /** Offered requests per second. */
  arrivalRate: number;
  /** Offered load per server, λS/c (≥ 1: saturated). */
  utilisation?: number;
  saturated: boolean;
  probWait?: number;
  /** Mean wait in queue per visit, seconds. */
  queueingDelay?: number;
  /** Mean time per visit, seconds. */
  residence?: number;
  dropProbability?: number;
  /** From the growth plan. */
  outgrowsMonth?: number;
  saturatesMonth?: number;
}

export type LatencyMetric = 'mean' | 'p50' | 'p95' | 'p99';

export interface LatencyTargetReport {
  requirement: string;
  workload: string;
  metric: LatencyMetric;
  /** Seconds. */
  target: number;
  /** At the reported month, seconds. */
  predicted: number;
  met: boolean;
  /** First month of the horizon in which the target is missed. */
  firstMissedMonth?: number;
  /** The prediction in that month. */
  predictedAtMiss?: number;
  /** The busiest component on the workload's path in that month (or the reported month). */
  bottleneck?: { component: string; utilisation: number };
}

export interface WorkloadReport extends WorkloadSolution {
  /** Components on the synchronous path that state no service time. */
  unmodelledOnPath: string[];
}

export interface CapacityReport {
  month: number;
  targetUtilisation: number;
  horizonMonths: number;
  components: ComponentReport[];
  workloads: WorkloadReport[];
  targets: LatencyTargetReport[];
  growth: GrowthPlan;
  /** The approximations this report rests on. */
  notes: string[];
}

const METRIC_FIELDS: [LatencyMetric, 'latencyMean' | 'latencyP50' | 'latencyP95' | 'latencyP99'][] = [
  ['mean', 'latencyMean'], ['p50', 'latencyP50'], ['p95', 'latencyP95'], ['p99', 'latencyP99'],
];

export function analyseCapacity(design: Design, options: CapacityOptions = {}): CapacityReport {
  const model = buildModel(design, options);
  const month = options.month ?? 0;
  if (!(Number.isInteger(month) && month >= 0)) throw new RangeError(`month must be a whole number ≥ 0, got ${month}`);
  const solution = solveMonth(model, month);
  const growth = growthPlan(model, Math.max(model.horizonMonths, month));
  let components: ComponentReport[] | undefined;
  const workloads = solution.workloads.map((w, i) => ({ ...w, unmodelledOnPath: model.workloads[i].unmodelledOnPath }));
  return {
    month, targetUtilisation: model.targetUtilisation, horizonMonths: model.horizonMonths,
    // Made when first read: a review reads it only for a component that saturates, and a large design has
    // thousands of components (their reports were a tenth of a 10k-component review, measured).
    get components() {
      return (components ??= componentReports(model, solution, growth));
    },
    workloads,
    targets: latencyTargets(model, solution),
    growth,
    notes: notesFor(model, solution),
  };
}

function componentReports(model: CapacityModel, solution: MonthSolution, growth: GrowthPlan): ComponentReport[] {
  const growthById = new Map(growth.components.map((g) => [g.id, g]));
  return model.stations.map((s, k): ComponentReport => {
    const st = solution.states[k];
    const g = growthById.get(s.id);
    return {
      id: s.id, kind: s.component.kind, modelled: st !== undefined, model: st?.model,
      instances: solution.instances[k], instancesMin: s.instancesMin, instancesMax: s.instancesMax,
      servers: st?.servers, serviceTime: s.serviceTime, arrivalRate: solution.arrivalRate[k],
      utilisation: st?.utilisation, saturated: st?.saturated ?? false, probWait: st?.probWait,
      queueingDelay: st?.queueingDelay, residence: st?.residence, dropProbability: st?.dropProbability,
      outgrowsMonth: g?.outgrowsMonth, saturatesMonth: g?.saturatesMonth,
    };
  });
}

function latencyTargets(model: CapacityModel, solution: MonthSolution): LatencyTargetReport[] {
  const out: LatencyTargetReport[] = [];
  const views = new MonthViews(model);
  const workloadIndex = new Map(model.workloads.map((w, i) => [w.id, i]));
  for (const r of model.design.requirements) {
    const target = r.target;
    if (!target?.workload) continue;
    const i = workloadIndex.get(target.workload);
    if (i === undefined) continue;
    const w = model.workloads[i];
    for (const [metric, field] of METRIC_FIELDS) {
      const text = target[field];
      const seconds = text ? parseDuration(text) : undefined;
      if (seconds === undefined) continue;
      const now = solution.workloads[i];
      const predicted = metricOf(now, metric);
      const report: LatencyTargetReport = {
        requirement: r.id, workload: w.id, metric, target: seconds, predicted, met: predicted <= seconds, bottleneck: now.bottleneck,
      };
      for (let m = 0; m <= model.horizonMonths; m++) {
        const at = m === solution.month ? now : views.workloadAt(m, i);
        const value = metricOf(at, metric);
        if (value > seconds) {
          report.firstMissedMonth = m;
          report.predictedAtMiss = value;
          report.bottleneck = at.bottleneck;
          break;
        }
      }
      out.push(report);
    }
  }
  return out;
}

function metricOf(w: WorkloadSolution, metric: LatencyMetric): number {
  return metric === 'mean' ? w.latency.mean : w.latency[metric];
}

/**
 * Month-by-month latency of one workload without solving every station each
 * month: given the month's load, instances and closed-workload solution, a
 * workload's latency needs only the stations on its path. The figures are the
 * same as solveMonth's for that month.
 */
class MonthViews {
  private current: (MonthView & { month: number }) | undefined;
  private solved = new Map<string, WorkloadSolution>();

  constructor(private readonly model: CapacityModel) {}

  workloadAt(month: number, index: number): WorkloadSolution {
    const key = `${month}:${index}`;
    let s = this.solved.get(key);
    if (!s) this.solved.set(key, (s = this.solve(month, index)));
    return s;
  }

  private solve(month: number, index: number): WorkloadSolution {
    const view = this.view(month);
    const w = this.model.workloads[index];
    const states: (StationState | undefined)[] = [];
    for (let j = 0; j < w.stations.length; j++) {
      const k = w.stations[j];
      let st = view.states.get(k);
      if (!st) view.states.set(k, (st = solveStation(this.model.stations[k], view.instances[k], view.load.open[k] + view.closed.arrivals[k])));
      states[k] = st;
    }
    if (w.kind === 'closed') return closedWorkload(w, view.load.users[index], view.closed.byWorkload.get(index)!, states, this.model);
    return openWorkload(w, w.peakRate * growthFactor(w, month), states, this.model);
  }

  /**
   * One month's view at a time, made in the arrays of the one before: targets are checked month after
   * month, and what a view gives is kept (solved), so a view is rarely asked for again once the next is made.
   */
  private view(month: number): MonthView {
    if (this.current?.month !== month) {
      const load = loadAt(this.model, month, this.current?.load);
      const instances = instancesAt(this.model, load, this.current?.instances);
      this.current = { month, load, instances, closed: solveClosed(this.model, load, instances), states: new Map() };
    }
    return this.current;
  }
}

interface MonthView {
  load: MonthLoad;
  instances: Int32Array;
  closed: ReturnType<typeof solveClosed>;
  states: Map<number, StationState>;
}

function notesFor(model: CapacityModel, solution: MonthSolution): string[] {
  const notes = [
    `Instances: enough for ${Math.round(model.targetUtilisation * 100)}% utilisation at each month's peak load, within instances.min..max.`,
    'Each component is a queue with instances × concurrency servers; a synchronous caller is not modelled as holding its worker while it waits downstream (archwright simulate does that).',
  ];
  const models = new Set<QueueModel | undefined>();
  for (const s of solution.states) models.add(s?.model);
  if (models.has('M/G/c')) notes.push('Components with non-exponential service times use the Allen–Cunneen M/G/c approximation: exact for one server, a heavy-traffic approximation otherwise.');
  if (models.has('M/M/c/K')) notes.push('Components with a queue limit are M/M/c/K queues (exponential service assumed); requests they drop are still counted as load downstream.');
  if (solution.workloads.some((w) => w.latency.method !== 'exact')) {
    notes.push('Percentiles along a path: a gamma distribution with the path\'s mean and variance (per-station times taken as independent, fan-out calls as sequential).');
  }
  const closed = solution.workloads.filter((w) => w.closedMethod);
  if (closed.some((w) => w.closedMethod !== 'exact-mva')) notes.push('Closed workloads: MVA with multi-server stations approximated by Seidmann\'s method' + (closed.some((w) => w.closedMethod === 'schweitzer-seidmann') ? ', and Bard–Schweitzer for populations too large for exact MVA.' : '.'));
  const unmodelled = model.workloads.flatMap((w) => w.unmodelledOnPath);
  if (unmodelled.length > 0) notes.push(`No service time stated, so no delay counted: ${[...new Set(unmodelled)].slice(0, 10).join(', ')}${unmodelled.length > 10 ? ', …' : ''}.`);
  return notes;
}
