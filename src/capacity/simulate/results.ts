/**
 * From the batch counts of one run to estimates with 95% confidence intervals.
 *
 * Warm-up rule: MSER (White 1997) on the batch means of every workload's
 * response time and every component's utilisation; the largest truncation wins,
 * at least the first batch (the run starts empty), at most half the batches,
 * and never into the batch where the first fault starts (what follows a fault
 * is the outcome, not a transient to hide).
 *
 * Intervals: batch means with sectioning — the value is computed from all kept
 * data together (one merged histogram for percentiles), the half-width is
 * t(0.975, k−1)·s/√k from the same statistic over the k kept batches.
 */
import type { RawRun } from './engine.js';
import type { SimModel } from './model.js';
import { mserTruncation, sectioningEstimate, type Estimate } from './statistics.js';

export const WARMUP_RULE = 'MSER on batch means of response time and utilisation; at least the first batch, at most half, never past the first fault';
export const INTERVAL_METHOD = 'batch means (sectioning), 95%, Student t';

export interface LatencyEstimates {
  mean: Estimate;
  p50: Estimate;
  p95: Estimate;
  p99: Estimate;
}

export interface WorkloadSimResult {
  id: string;
  /** Requests started in the measured window. */
  requests: number;
  completed: number;
  failed: number;
  /** Successful requests per second. */
  throughput: Estimate;
  /** Failed requests / finished requests. */
  errorRate: Estimate;
  /** Response time of successful requests, seconds. */
  latency: LatencyEstimates;
  /** Calls given up on, retries and drops along this workload's paths, for the requests measured. */
  timeouts: number;
  retries: number;
  drops: number;
  /** The same per request. */
  timeoutsPerRequest: Estimate;
  retriesPerRequest: Estimate;
  dropsPerRequest: Estimate;
}

export interface ComponentSimResult {
  id: string;
  /** instances × concurrency at the start. */
  workers: number;
  utilisation: Estimate;
  /** Calls arriving per second. */
  arrivalRate: Estimate;
  drops: number;
  /** Dropped calls / arriving calls. */
  dropProbability: Estimate;
}

export interface WarmupSummary {
  rule: string;
  batchesDeleted: number;
  batches: number;
  /** Simulated seconds deleted from the start. */
  seconds: number;
}

export interface RunSummary {
  /** Simulated seconds measured (after warm-up, up to the stop). */
  measuredSeconds: number;
  warmup: WarmupSummary;
  intervals: string;
  workloads: WorkloadSimResult[];
  components: ComponentSimResult[];
}

export function summarise(model: SimModel, raw: RawRun): RunSummary {
  const W = model.sources.ids.length;
  const S = model.stations.ids.length;
  const B = raw.batches;
  const batchSeconds = (b: number) => raw.boundaryTime[b + 1] - raw.boundaryTime[b];
  const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

  const latencySeries = (w: number) => range(B).map((b) => ratio(raw.latencySum[b * W + w], raw.ok[b * W + w]));
  const utilisationSeries = (s: number) => range(B).map((b) => ratio(raw.busyArea[b * S + s], raw.capacityArea[b * S + s]));

  let deleted = 1;
  for (let w = 0; w < W; w++) deleted = Math.max(deleted, mserTruncation(latencySeries(w)));
  for (let s = 0; s < S; s++) deleted = Math.max(deleted, mserTruncation(utilisationSeries(s)));
  if (model.faults.length > 0 && raw.stopTime > 0) {
    const firstFault = Math.min(...model.faults.map((f) => f.time));
    let faultBatch = 0;
    while (faultBatch < B && raw.boundaryTime[faultBatch + 1] <= firstFault) faultBatch++;
    deleted = Math.max(1, Math.min(deleted, faultBatch));
  }
  deleted = Math.min(deleted, Math.floor(B / 2));
  const kept = range(B).slice(deleted);
  const measuredSeconds = raw.boundaryTime[B] - raw.boundaryTime[deleted];

  const sum = (xs: Float64Array, stride: number, offset: number) => kept.reduce((acc, b) => acc + xs[b * stride + offset], 0);
  const perBatch = (f: (b: number) => number) => kept.map(f);

  const workloads = model.sources.ids.map((id, w): WorkloadSimResult => {
    const ok = sum(raw.ok, W, w);
    const failed = sum(raw.failed, W, w);
    const [p50, p95, p99] = raw.latency.percentiles(w, kept, [50, 95, 99]);
    const pEstimate = (value: number, p: number) => sectioningEstimate(value, perBatch((b) => raw.latency.batchPercentile(w, b, p)));
    const perRequest = (counts: Float64Array) => sectioningEstimate(
      ratio(sum(counts, W, w), ok + failed),
      perBatch((b) => ratio(counts[b * W + w], raw.ok[b * W + w] + raw.failed[b * W + w])),
    );
    return {
      id,
      requests: ok + failed,
      completed: ok,
      failed,
      throughput: sectioningEstimate(ratio(ok, measuredSeconds), perBatch((b) => ratio(raw.ok[b * W + w], batchSeconds(b)))),
      errorRate: sectioningEstimate(ratio(failed, ok + failed), perBatch((b) => ratio(raw.failed[b * W + w], raw.ok[b * W + w] + raw.failed[b * W + w]))),
      latency: {
        mean: sectioningEstimate(ratio(sum(raw.latencySum, W, w), ok), perBatch((b) => ratio(raw.latencySum[b * W + w], raw.ok[b * W + w]))),
        p50: pEstimate(p50, 50),
        p95: pEstimate(p95, 95),
        p99: pEstimate(p99, 99),
      },
      timeouts: sum(raw.timeouts, W, w),
      retries: sum(raw.retries, W, w),
      drops: sum(raw.drops, W, w),
      timeoutsPerRequest: perRequest(raw.timeouts),
      retriesPerRequest: perRequest(raw.retries),
      dropsPerRequest: perRequest(raw.drops),
    };
  });

  const components = model.stations.ids.map((id, s): ComponentSimResult => {
    const arrivals = sum(raw.arrivals, S, s);
    const drops = sum(raw.stationDrops, S, s);
    return {
      id,
      workers: model.stations.instances[s] * model.stations.concurrency[s],
      utilisation: sectioningEstimate(ratio(sum(raw.busyArea, S, s), sum(raw.capacityArea, S, s)), utilisationSeries(s).slice(deleted)),
      arrivalRate: sectioningEstimate(ratio(arrivals, measuredSeconds), perBatch((b) => ratio(raw.arrivals[b * S + s], batchSeconds(b)))),
      drops,
      dropProbability: sectioningEstimate(ratio(drops, arrivals), perBatch((b) => ratio(raw.stationDrops[b * S + s], raw.arrivals[b * S + s]))),
    };
  });

  return {
    measuredSeconds,
    warmup: { rule: WARMUP_RULE, batchesDeleted: deleted, batches: B, seconds: raw.boundaryTime[deleted] },
    intervals: INTERVAL_METHOD,
    workloads,
    components,
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
