/**
 * Response times per workload and batch in HDR histograms (hdr-histogram-js,
 * 3 significant digits), recorded in nanoseconds.
 *
 * Values do not go to the library one by one: one call into hdr-histogram-js
 * costs 20–60 ns here (WebAssembly build; ~140 ns for the TypeScript build),
 * about as much as the rest of an M/M/c request's simulation. So each workload
 * keeps a front tally in log-linear buckets of relative width 2^-9 (a float's
 * binary exponent and top 9 mantissa bits), and hands the non-empty buckets to
 * the HDR histogram of their batch — one recordValueWithCount per bucket — when
 * the batch changes or results are read. A bucket's midpoint is within 0.1% of
 * every value in it; HDR's 3 digits add at most another 0.1%.
 */
import { build, initWebAssemblySync, type Histogram } from 'hdr-histogram-js';

const NANOS = 1e9;
/** Binary exponents of 1 ns … 2^53 ns (104 days). */
const EXPONENTS = 54;
const SUB_BUCKET_BITS = 9;
const BUCKETS = EXPONENTS << SUB_BUCKET_BITS;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the word holding sign, exponent and the top 20 mantissa bits. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The tally bucket of a time in seconds: the binary exponent and top mantissa bits of its nanoseconds. */
export function latencyBucket(seconds: number): number {
  const nanos = seconds * NANOS;
  bits[0] = nanos < 1 ? 1 : nanos;
  const index = (words[HIGH] >>> (20 - SUB_BUCKET_BITS)) - (1023 << SUB_BUCKET_BITS);
  return index < BUCKETS ? index : BUCKETS - 1;
}

/** The value in the middle of a bucket: its exponent and mantissa bits, then a 1 in the next bit. */
function midpointOf(bucket: number): number {
  words[HIGH] = ((bucket + (1023 << SUB_BUCKET_BITS)) << (20 - SUB_BUCKET_BITS)) | (1 << (19 - SUB_BUCKET_BITS));
  words[1 - HIGH] = 0;
  return Math.round(bits[0]);
}

let wasmReady: boolean | undefined;

/** WebAssembly where it can be instantiated synchronously (Node); the TypeScript build elsewhere, same results. */
function webAssembly(): boolean {
  if (wasmReady === undefined) {
    try {
      initWebAssemblySync();
      wasmReady = true;
    } catch {
      wasmReady = false;
    }
  }
  return wasmReady;
}

function newHistogram(): Histogram {
  return build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3, autoResize: true, useWebAssembly: webAssembly() });
}

export class LatencyRecorder {
  private readonly histograms: (Histogram | undefined)[];
  private readonly tally: Int32Array[];
  private readonly touched: Int32Array[];
  private readonly touchedCount: Int32Array;
  private readonly tallyBatch: Int32Array;

  constructor(private readonly workloads: number, private readonly batches: number) {
    this.histograms = new Array<Histogram | undefined>(workloads * batches).fill(undefined);
    this.tally = Array.from({ length: workloads }, () => new Int32Array(BUCKETS));
    this.touched = Array.from({ length: workloads }, () => new Int32Array(BUCKETS));
    this.touchedCount = new Int32Array(workloads);
    this.tallyBatch = new Int32Array(workloads);
  }

  /** Records one value, given as its latencyBucket (an integer, so that no float crosses a call). */
  record(workload: number, batch: number, bucket: number): void {
    if (batch !== this.tallyBatch[workload]) {
      this.flush(workload);
      this.tallyBatch[workload] = batch;
    }
    const tally = this.tally[workload];
    if (tally[bucket]++ === 0) this.touched[workload][this.touchedCount[workload]++] = bucket;
  }

  /** The percentile (0–100) of one batch, in seconds; NaN when it has no values. */
  batchPercentile(workload: number, batch: number, percentile: number): number {
    this.flushAll();
    const h = this.histograms[batch * this.workloads + workload];
    return h && h.totalCount > 0 ? h.getValueAtPercentile(percentile) / NANOS : NaN;
  }

  /** Percentiles (0–100) over the given batches together, in seconds; NaN when they hold no values. */
  percentiles(workload: number, batches: readonly number[], percentiles: readonly number[]): number[] {
    this.flushAll();
    const merged = newHistogram();
    try {
      for (const b of batches) {
        const h = this.histograms[b * this.workloads + workload];
        if (h) merged.add(h);
      }
      return percentiles.map((p) => (merged.totalCount > 0 ? merged.getValueAtPercentile(p) / NANOS : NaN));
    } finally {
      merged.destroy();
    }
  }

  /** Frees the histograms (WebAssembly memory is not garbage-collected). */
  destroy(): void {
    for (const h of this.histograms) h?.destroy();
    this.histograms.fill(undefined);
  }

  private flushAll(): void {
    for (let w = 0; w < this.workloads; w++) this.flush(w);
  }

  private flush(workload: number): void {
    const n = this.touchedCount[workload];
    if (n === 0) return;
    const i = this.tallyBatch[workload] * this.workloads + workload;
    let h = this.histograms[i];
    if (h === undefined) this.histograms[i] = h = newHistogram();
    const tally = this.tally[workload];
    const touched = this.touched[workload];
    for (let k = 0; k < n; k++) {
      const bucket = touched[k];
      h.recordValueWithCount(midpointOf(bucket), tally[bucket]);
      tally[bucket] = 0;
    }
    this.touchedCount[workload] = 0;
  }
}
