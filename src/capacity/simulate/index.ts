/**
 * `simulate(design, options)`: an event-driven, seeded simulation of the
 * design's workloads through their call paths. Pure: takes a resolved design,
 * returns numbers.
 */
import type { Design } from '../../model/design.js';
import { runSimulation } from './engine.js';
import type { Fault } from './faults.js';
import { compileModel, type SimModel } from './model.js';
import { summarise, type RunSummary } from './results.js';

export { parseFaultSpecs, type Fault, type FaultSpecError } from './faults.js';
export { compileModel, type SimModel } from './model.js';
export type { Estimate } from './statistics.js';
export type { ComponentSimResult, LatencyEstimates, WorkloadSimResult, WarmupSummary } from './results.js';

export interface SimulationOptions {
  /** Default 42. */
  seed?: number;
  /** Simulated seconds during which requests start (default 300); ignored when `customers` is given. */
  durationSeconds?: number;
  /** Stop after this many requests have started (all workloads together). */
  customers?: number;
  /** Month of growth to simulate (default 0: today's load). */
  month?: number;
  /** Instances per component: the stated minimum (default) or the autoscaling maximum. */
  instances?: 'min' | 'max';
  faults?: readonly Fault[];
  /** First retry waits up to this long (full jitter), doubling per attempt; default 0.1 s. */
  backoffBaseSeconds?: number;
  /** Longest backoff; default 10 s. */
  backoffCapSeconds?: number;
  /** Batches for warm-up detection and intervals; default 32. */
  batches?: number;
  /** Called now and then with the fraction of requests started (0–1). */
  onProgress?: (fraction: number) => void;
}

export interface SimulationResult extends RunSummary {
  seed: number;
  month: number;
  customers?: number;
  /** Simulated time when requests stopped starting. */
  stopSeconds: number;
  /** Simulated time when the last request finished (or the run was cut off). */
  endSeconds: number;
  /** Events processed. */
  events: number;
  started: number;
  /** Requests still in flight when the run was cut off (twice the stop time). */
  unfinished: number;
  faults: Fault[];
  notes: string[];
}

export function simulate(design: Design, options: SimulationOptions = {}): SimulationResult {
  const month = options.month ?? 0;
  const model = compileModel(design, { month, faults: options.faults, instances: options.instances });
  return simulateModel(model, { ...options, month });
}

export function simulateModel(model: SimModel, options: SimulationOptions = {}): SimulationResult {
  const seed = options.seed ?? 42;
  const raw = runSimulation(model, {
    seed,
    customers: options.customers,
    duration: options.durationSeconds ?? 300,
    batches: options.batches ?? 32,
    backoffBase: options.backoffBaseSeconds ?? 0.1,
    backoffCap: options.backoffCapSeconds ?? 10,
    onProgress: options.onProgress,
  });
  try {
    const summary = summarise(model, raw);
    const notes = [...model.notes];
    for (const c of summary.components) {
      if (c.utilisation.value >= 0.99) {
        notes.push(`${c.id} is saturated (utilisation ${(c.utilisation.value * 100).toFixed(1)}%): its queue grows for as long as the run lasts, so latencies through it reflect the run's length, not a steady state`);
      }
    }
    if (raw.unfinished > 0) notes.push(`${raw.unfinished} requests were still in flight when the run was cut off at ${raw.endTime.toFixed(1)}s (the load does not drain)`);
    return {
      seed, month: options.month ?? 0, customers: options.customers,
      stopSeconds: raw.stopTime, endSeconds: raw.endTime, events: raw.events, started: raw.started, unfinished: raw.unfinished,
      faults: [...(options.faults ?? [])], notes,
      ...summary,
    };
  } finally {
    raw.latency.destroy();
  }
}
