/**
 * The event loop. Every request is a tree of jobs, one per call along the
 * workload's path (plus a client job that calls the root step when that call
 * can time out or be retried). A job first takes a worker of its station
 * (FCFS queue when all are busy, dropped when the queue is at its limit), is
 * served, then — still holding the worker — calls its children one after the
 * other, each `calls` times, waiting for each answer (async children are sent
 * and not waited for). A caller gives up on a call after the callee's timeout
 * and retries a failed call up to the callee's `retries` times with
 * exponential backoff and full jitter. A request succeeds when its root call
 * does.
 *
 * All state lives in typed arrays indexed by job, station or node; jobs are
 * recycled through a free list, so the loop creates no objects per event.
 * Tokens tell stale events (a timeout after the answer came, an answer after
 * the caller gave up) from live ones: every call a job makes gets a new token.
 */
import { EventQueue } from './event-queue.js';
import { CLIENT, DIST_CONSTANT, DIST_EXPONENTIAL, PASS_THROUGH, type SimModel } from './model.js';
import type { RandomStream } from './random.js';
import { randomStreams } from './random.js';
import { LatencyRecorder, latencyBucket } from './histograms.js';

const ARRIVAL = 0;
const THINK_END = 1;
const SERVICE_DONE = 2;
const TIMEOUT = 3;
const RETRY = 4;
const FAULT = 5;
const STOP = 6;

const WAITING = 1;
const HOLDS_WORKER = 2;
/** The job is a whole request: its end is the request's end. */
const REQUEST = 4;

// A job's fields, at job * STRIDE + field in `jobs`.
const STRIDE = 16;
const NODE = 0;
const PARENT = 1;
/** The caller's token when it made this call: the answer counts only if the caller still has it. */
const PARENT_TOKEN = 2;
/** Changes with every call the job makes and when it is freed; events carry it to detect staleness. */
const TOKEN = 3;
const CHILD_POS = 4;
const CALLS_LEFT = 5;
const ATTEMPT = 6;
const FLAGS = 7;
/** The batch of the request the job works for. */
const BATCH = 8;

export interface RunPlan {
  seed: number;
  /** Stop starting requests after this many (all workloads together)… */
  customers?: number;
  /** …or at this simulated time (seconds). */
  duration: number;
  batches: number;
  backoffBase: number;
  backoffCap: number;
  onProgress?: (fraction: number) => void;
}

/** Everything counted, per batch; turned into estimates by results.ts. */
export interface RawRun {
  batches: number;
  events: number;
  /** Simulated time when requests stopped starting, and when the last one finished. */
  stopTime: number;
  endTime: number;
  started: number;
  unfinished: number;
  /** Time of each batch boundary (batches + 1 entries). */
  boundaryTime: Float64Array;
  /** [batch * W + w], by the batch in which the request started */
  ok: Float64Array;
  failed: Float64Array;
  latencySum: Float64Array;
  timeouts: Float64Array;
  retries: Float64Array;
  drops: Float64Array;
  /** [batch * S + s], by simulated time */
  arrivals: Float64Array;
  stationDrops: Float64Array;
  busyArea: Float64Array;
  capacityArea: Float64Array;
  latency: LatencyRecorder;
}

export function runSimulation(model: SimModel, plan: RunPlan): RawRun {
  return new Engine(model, plan).run();
}

class Engine {
  private readonly q = new EventQueue(4096);
  /**
   * The simulated time of the event being handled. Hot methods read it here
   * instead of taking it as an argument, and it lives in a typed array rather
   * than a number field: either way V8 would box the float (a heap allocation
   * per event) where a call is not inlined.
   */
  private readonly clock = new Float64Array(1);
  private events = 0;

  // model
  private readonly S: number;
  private readonly W: number;
  private readonly nodeStation: Int32Array;
  private readonly callsWhole: Int32Array;
  private readonly callsFraction: Float64Array;
  private readonly nodeAsync: Uint8Array;
  private readonly nodeTimeout: Float64Array;
  private readonly nodeRetries: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childEnd: Int32Array;
  private readonly childList: Int32Array;
  private readonly nodeWorkload: Int32Array;
  /** Per workload, the node a request starts at: the client node, or the root step when the client adds nothing. */
  private readonly requestNode: Int32Array;
  private readonly meanService: Float64Array;
  private readonly distribution: Int32Array;
  private readonly sigma: Float64Array;
  private readonly concurrency: Int32Array;
  private readonly queueLimit: Int32Array;

  // stations
  private readonly busy: Int32Array;
  private readonly servers: Int32Array;
  private readonly up: Int32Array;
  private readonly slow: Float64Array;
  private readonly capacitySince: Float64Array;
  private readonly busyCum: Float64Array;
  private readonly capacityCum: Float64Array;
  private readonly queueHead: Int32Array;
  private readonly queueLength: Int32Array;
  private readonly queues: Int32Array[];

  // jobs
  private jobCapacity = 0;
  /** Job fields, STRIDE ints per job (one job per cache line). */
  private jobs = new Int32Array(0);
  /** When a request started (request jobs only). */
  private jStart = new Float64Array(0);
  /** Since when the job holds a worker (or since the last batch boundary). */
  private jHeldSince = new Float64Array(0);
  private freeList = new Int32Array(0);
  private freeTop = 0;

  // randomness
  private readonly arrivalRng: RandomStream[];
  private readonly serviceRng: RandomStream[];
  private readonly miscRng: RandomStream;

  // measurement
  private readonly B: number;
  private readonly customers: number;
  private readonly duration: number;
  private curBatch = 0;
  /** Where the next batch starts: a request count or a time. */
  private nextBatchAt = 0;
  private started = 0;
  private finished = 0;
  private stopped = false;
  private hardLimit = Infinity;
  private readonly raw: RawRun;
  // the hottest counters of `raw`, one property load away
  private readonly okCount: Float64Array;
  private readonly latencySum: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly open: Uint8Array;
  private readonly rates: Float64Array;
  private readonly latency: LatencyRecorder;

  constructor(private readonly model: SimModel, private readonly plan: RunPlan) {
    const { stations, nodes, sources } = model;
    const S = (this.S = stations.ids.length);
    const W = (this.W = sources.ids.length);
    this.nodeStation = nodes.station;
    this.callsWhole = nodes.callsWhole;
    this.callsFraction = nodes.callsFraction;
    this.nodeAsync = nodes.async;
    this.nodeTimeout = nodes.timeout;
    this.nodeRetries = nodes.retries;
    this.childStart = nodes.childStart;
    this.childEnd = nodes.childEnd;
    this.childList = nodes.childList;
    this.nodeWorkload = nodes.workload;
    // A client job is needed only to time out and retry the root call; without either, requests start at the root.
    this.requestNode = Int32Array.from(sources.clientNode, (client) => {
      const root = nodes.childList[nodes.childStart[client]];
      const plain = nodes.timeout[root] === Infinity && nodes.retries[root] === 0 && nodes.callsWhole[root] === 1
        && nodes.callsFraction[root] === 0;
      return plain ? root : client;
    });
    this.meanService = stations.meanService;
    this.distribution = stations.distribution;
    this.sigma = stations.lognormalSigma;
    this.concurrency = stations.concurrency;
    this.queueLimit = stations.queueLimit;

    this.busy = new Int32Array(S);
    this.up = Int32Array.from(stations.instances);
    this.servers = Int32Array.from(stations.instances, (n, s) => n * stations.concurrency[s]);
    this.slow = new Float64Array(S).fill(1);
    this.capacitySince = new Float64Array(S);
    this.busyCum = new Float64Array(S);
    this.capacityCum = new Float64Array(S);
    this.queueHead = new Int32Array(S);
    this.queueLength = new Int32Array(S);
    this.queues = Array.from({ length: S }, () => new Int32Array(64));
    this.growJobs(1024);

    const streams = randomStreams(plan.seed, W + S + 1);
    this.arrivalRng = streams.slice(0, W);
    this.serviceRng = streams.slice(W, W + S);
    this.miscRng = streams[W + S];

    const B = (this.B = plan.batches);
    this.customers = plan.customers ?? 0;
    this.duration = plan.duration;
    this.latency = new LatencyRecorder(W, B);
    this.nextBatchAt = this.batchStart(1);
    this.raw = {
      batches: B, events: 0, stopTime: 0, endTime: 0, started: 0, unfinished: 0,
      boundaryTime: new Float64Array(B + 1),
      ok: new Float64Array(B * W), failed: new Float64Array(B * W), latencySum: new Float64Array(B * W),
      timeouts: new Float64Array(B * W), retries: new Float64Array(B * W), drops: new Float64Array(B * W),
      arrivals: new Float64Array(B * S), stationDrops: new Float64Array(B * S),
      busyArea: new Float64Array(B * S), capacityArea: new Float64Array(B * S),
      latency: this.latency,
    };
    this.okCount = this.raw.ok;
    this.latencySum = this.raw.latencySum;
    this.arrivals = this.raw.arrivals;
    this.open = sources.open;
    this.rates = sources.rate;
  }

  run(): RawRun {
    const q = this.q;
    const { sources, faults } = this.model;
    for (let w = 0; w < this.W; w++) {
      if (sources.open[w]) {
        if (sources.rate[w] > 0) q.push(this.arrivalRng[w].exponential(1 / sources.rate[w]), ARRIVAL, w, 0);
      } else {
        for (let u = 0; u < sources.users[w]; u++) q.push(this.think(w), THINK_END, w, 0);
      }
    }
    faults.forEach((f, i) => q.push(f.time, FAULT, i, 0));
    if (this.customers <= 0) q.push(this.duration, STOP, 0, 0);

    const progress = this.plan.onProgress;
    while (q.pop()) {
      const t = q.time;
      if (t > this.hardLimit) break;
      this.clock[0] = t;
      const job = q.job;
      switch (q.kind) {
        case SERVICE_DONE:
          if (this.childStart[this.jobs[job * STRIDE + NODE]] === this.childEnd[this.jobs[job * STRIDE + NODE]]) this.complete(job, true);
          else this.beginCalls(job);
          break;
        case ARRIVAL:
          if (!this.stopped) {
            this.scheduleArrival(job);
            this.startRequest(job);
          }
          break;
        case THINK_END:
          if (!this.stopped) this.startRequest(job);
          break;
        case TIMEOUT:
          if (this.jobs[job * STRIDE + TOKEN] === q.token && (this.jobs[job * STRIDE + FLAGS] & WAITING) !== 0) {
            this.jobs[job * STRIDE + FLAGS] &= ~WAITING;
            this.raw.timeouts[this.jobs[job * STRIDE + BATCH] * this.W + this.nodeWorkload[this.jobs[job * STRIDE + NODE]]]++;
            this.callFailed(job);
          }
          break;
        case RETRY:
          if (this.jobs[job * STRIDE + TOKEN] === q.token) this.call(job, this.childList[this.jobs[job * STRIDE + CHILD_POS]]);
          break;
        case FAULT:
          this.applyFault(job, t);
          break;
        case STOP:
          if (!this.stopped) this.stop(t);
          break;
      }
      if ((++this.events & 0xffff) === 0 && progress) {
        progress(this.customers > 0 ? this.started / this.customers : Math.min(1, t / this.duration));
      }
    }
    if (!this.stopped) this.stop(this.clock[0]);
    this.raw.events = this.events;
    this.raw.endTime = this.clock[0];
    this.raw.started = this.started;
    this.raw.unfinished = this.started - this.finished;
    return this.raw;
  }

  // requests ----------------------------------------------------------------

  private scheduleArrival(w: number): void {
    this.q.push(this.clock[0] + this.arrivalRng[w].exponential(1 / this.rates[w]), ARRIVAL, w, 0);
  }

  private startRequest(w: number): void {
    const t = this.clock[0];
    // Batch b holds requests number ⌈bN/B⌉ onwards (--customers N), or those starting from bT/B on (a duration T).
    if (this.customers > 0) {
      while (this.started >= this.nextBatchAt) this.closeBatch(t);
    } else {
      while (t >= this.nextBatchAt) this.closeBatch(this.nextBatchAt);
    }
    const batch = this.curBatch;
    this.started++;
    const c = this.alloc();
    this.jobs[c * STRIDE + NODE] = this.requestNode[w];
    this.jobs[c * STRIDE + PARENT] = -1;
    this.jStart[c] = t;
    this.jobs[c * STRIDE + BATCH] = batch;
    this.jobs[c * STRIDE + FLAGS] = REQUEST;
    if (this.nodeStation[this.requestNode[w]] === CLIENT) this.beginCalls(c);
    else this.arrive(c);
    if (this.customers > 0 && this.started >= this.customers && !this.stopped) this.stop(t);
  }

  /** Request job j has ended. */
  private finishRequest(j: number, ok: boolean): void {
    const t = this.clock[0];
    const w = this.nodeWorkload[this.jobs[j * STRIDE + NODE]];
    const batch = this.jobs[j * STRIDE + BATCH];
    this.finished++;
    const i = batch * this.W + w;
    if (ok) {
      const r = t - this.jStart[j];
      this.okCount[i]++;
      this.latencySum[i] += r;
      this.latency.record(w, batch, latencyBucket(r));
    } else {
      this.raw.failed[i]++;
    }
    if (this.open[w] === 0 && !this.stopped) this.q.push(t + this.think(w), THINK_END, w, 0);
  }

  private think(w: number): number {
    const z = this.model.sources.thinkTime[w];
    return z > 0 ? this.arrivalRng[w].exponential(z) : 0;
  }

  // jobs ------------------------------------------------------------------

  /** The job's own service is done (or it has none): start calling its children. */
  private beginCalls(j: number): void {
    this.jobs[j * STRIDE + CHILD_POS] = this.childStart[this.jobs[j * STRIDE + NODE]];
    this.jobs[j * STRIDE + CALLS_LEFT] = -1;
    this.proceed(j);
  }

  /** Makes the job's next call, or completes it when no calls are left. */
  private proceed(j: number): void {
    const end = this.childEnd[this.jobs[j * STRIDE + NODE]];
    for (;;) {
      const pos = this.jobs[j * STRIDE + CHILD_POS];
      if (pos >= end) {
        this.complete(j, true);
        return;
      }
      const child = this.childList[pos];
      let left = this.jobs[j * STRIDE + CALLS_LEFT];
      if (left < 0) {
        left = this.callsWhole[child];
        const frac = this.callsFraction[child];
        if (frac > 0 && this.miscRng.uniform() < frac) left++;
      }
      if (left === 0) {
        this.jobs[j * STRIDE + CHILD_POS] = pos + 1;
        this.jobs[j * STRIDE + CALLS_LEFT] = -1;
        continue;
      }
      this.jobs[j * STRIDE + CALLS_LEFT] = left - 1;
      if (this.nodeAsync[child] !== 0) {
        const a = this.alloc();
        this.jobs[a * STRIDE + NODE] = child;
        this.jobs[a * STRIDE + PARENT] = -1;
        this.jobs[a * STRIDE + BATCH] = this.jobs[j * STRIDE + BATCH];
        this.arrive(a);
        continue;
      }
      this.jobs[j * STRIDE + ATTEMPT] = 0;
      this.call(j, child);
      return;
    }
  }

  /** Job j calls `child` and waits for the answer. */
  private call(j: number, child: number): void {
    const t = this.clock[0];
    const c = this.alloc();
    const token = ++this.jobs[j * STRIDE + TOKEN];
    this.jobs[j * STRIDE + FLAGS] |= WAITING;
    const timeout = this.nodeTimeout[child];
    if (timeout !== Infinity) this.q.push(t + timeout, TIMEOUT, j, token);
    this.jobs[c * STRIDE + NODE] = child;
    this.jobs[c * STRIDE + PARENT] = j;
    this.jobs[c * STRIDE + PARENT_TOKEN] = token;
    this.jobs[c * STRIDE + BATCH] = this.jobs[j * STRIDE + BATCH];
    this.arrive(c);
  }

  private arrive(c: number): void {
    const s = this.nodeStation[this.jobs[c * STRIDE + NODE]];
    if (s === PASS_THROUGH) {
      this.beginCalls(c);
      return;
    }
    if (!this.stopped) this.arrivals[this.curBatch * this.S + s]++;
    if (this.busy[s] < this.servers[s]) {
      this.startService(c, s);
    } else if (this.queueLimit[s] >= 0 && this.queueLength[s] >= this.queueLimit[s] * this.up[s]) {
      if (!this.stopped) this.raw.stationDrops[this.curBatch * this.S + s]++;
      this.raw.drops[this.jobs[c * STRIDE + BATCH] * this.W + this.nodeWorkload[this.jobs[c * STRIDE + NODE]]]++;
      this.complete(c, false);
    } else {
      this.enqueue(s, c);
    }
  }

  private startService(c: number, s: number): void {
    const t = this.clock[0];
    this.busy[s]++;
    this.jHeldSince[c] = t;
    this.jobs[c * STRIDE + FLAGS] |= HOLDS_WORKER;
    const mean = this.meanService[s] * this.slow[s];
    const kind = this.distribution[s];
    let duration: number;
    if (kind === DIST_EXPONENTIAL) duration = this.serviceRng[s].exponential(mean);
    else if (kind === DIST_CONSTANT) duration = mean;
    else duration = this.lognormal(s, mean);
    this.q.push(t + duration, SERVICE_DONE, c, 0);
  }

  private lognormal(s: number, mean: number): number {
    const sigma = this.sigma[s];
    return mean * Math.exp(sigma * this.serviceRng[s].normal() - 0.5 * sigma * sigma);
  }

  /** The job is done (ok) or has failed: free its worker and answer its caller. */
  private complete(j: number, ok: boolean): void {
    const node = this.jobs[j * STRIDE + NODE];
    if ((this.jobs[j * STRIDE + FLAGS] & HOLDS_WORKER) !== 0) this.release(this.nodeStation[node], j);
    if ((this.jobs[j * STRIDE + FLAGS] & REQUEST) !== 0) {
      this.finishRequest(j, ok);
      this.free(j);
      return;
    }
    const parent = this.jobs[j * STRIDE + PARENT];
    const answered = parent >= 0 && this.jobs[parent * STRIDE + TOKEN] === this.jobs[j * STRIDE + PARENT_TOKEN] && (this.jobs[parent * STRIDE + FLAGS] & WAITING) !== 0;
    this.free(j);
    if (answered) {
      this.jobs[parent * STRIDE + FLAGS] &= ~WAITING;
      if (ok) this.proceed(parent);
      else this.callFailed(parent);
    }
  }

  /** A call of job p failed (dropped, timed out or failed downstream): retry after a backoff, or fail p. */
  private callFailed(p: number): void {
    const child = this.childList[this.jobs[p * STRIDE + CHILD_POS]];
    const attempt = this.jobs[p * STRIDE + ATTEMPT];
    if (attempt < this.nodeRetries[child]) {
      this.jobs[p * STRIDE + ATTEMPT] = attempt + 1;
      this.raw.retries[this.jobs[p * STRIDE + BATCH] * this.W + this.nodeWorkload[child]]++;
      const ceiling = Math.min(this.plan.backoffCap, this.plan.backoffBase * Math.pow(2, attempt));
      const token = ++this.jobs[p * STRIDE + TOKEN];
      this.q.push(this.clock[0] + ceiling * this.miscRng.uniform(), RETRY, p, token);
    } else {
      this.complete(p, false);
    }
  }

  // stations --------------------------------------------------------------

  /** Job j's worker is free again. */
  private release(s: number, j: number): void {
    this.busyCum[s] += this.clock[0] - this.jHeldSince[j];
    this.busy[s]--;
    if (this.queueLength[s] > 0 && this.busy[s] < this.servers[s]) this.startService(this.dequeue(s), s);
  }

  /** Adds worker-seconds of capacity up to t (capacity changes only with faults). */
  private integrateCapacity(s: number, t: number): void {
    this.capacityCum[s] += this.servers[s] * (t - this.capacitySince[s]);
    this.capacitySince[s] = t;
  }

  private enqueue(s: number, c: number): void {
    let ring = this.queues[s];
    const n = this.queueLength[s];
    if (n === ring.length) {
      const bigger = new Int32Array(ring.length * 2);
      const head = this.queueHead[s];
      for (let i = 0; i < n; i++) bigger[i] = ring[(head + i) % ring.length];
      this.queues[s] = ring = bigger;
      this.queueHead[s] = 0;
    }
    ring[(this.queueHead[s] + n) % ring.length] = c;
    this.queueLength[s] = n + 1;
  }

  private dequeue(s: number): number {
    const ring = this.queues[s];
    const head = this.queueHead[s];
    this.queueHead[s] = head + 1 === ring.length ? 0 : head + 1;
    this.queueLength[s]--;
    return ring[head];
  }

  private applyFault(i: number, t: number): void {
    const f = this.model.faults[i];
    const s = f.station;
    this.integrateCapacity(s, t);
    this.up[s] = Math.max(0, this.up[s] - f.instancesDown);
    this.servers[s] = this.up[s] * this.concurrency[s];
    this.slow[s] *= f.slowFactor;
    while (this.queueLength[s] > 0 && this.busy[s] < this.servers[s]) this.startService(this.dequeue(s), s);
  }

  // measurement -------------------------------------------------------------

  /** Ends the current batch at time tb. */
  private closeBatch(tb: number): void {
    const S = this.S;
    const b = this.curBatch;
    // Busy time is added when a worker is released; count the part of each held worker's time before tb now.
    for (let j = 0; j < this.jobCapacity; j++) {
      if ((this.jobs[j * STRIDE + FLAGS] & HOLDS_WORKER) !== 0) {
        this.busyCum[this.nodeStation[this.jobs[j * STRIDE + NODE]]] += tb - this.jHeldSince[j];
        this.jHeldSince[j] = tb;
      }
    }
    for (let s = 0; s < S; s++) {
      this.integrateCapacity(s, tb);
      this.raw.busyArea[b * S + s] = this.busyCum[s];
      this.raw.capacityArea[b * S + s] = this.capacityCum[s];
      this.busyCum[s] = 0;
      this.capacityCum[s] = 0;
    }
    this.curBatch = b + 1;
    this.nextBatchAt = this.batchStart(b + 2);
    this.raw.boundaryTime[b + 1] = tb;
  }

  /** Where batch b starts; never for b ≥ B (the last batch runs to the stop). */
  private batchStart(b: number): number {
    if (b >= this.B) return Infinity;
    return this.customers > 0 ? Math.ceil((b * this.customers) / this.B) : (b * this.duration) / this.B;
  }

  private stop(t: number): void {
    while (this.curBatch < this.B - 1) this.closeBatch(t);
    this.closeBatch(t);
    this.curBatch = this.B - 1;
    this.stopped = true;
    this.raw.stopTime = t;
    // Requests in flight may finish; a run whose load never drains stops at twice the stop time.
    this.hardLimit = 2 * t + 1;
  }

  // job pool ----------------------------------------------------------------

  private alloc(): number {
    if (this.freeTop === 0) this.growJobs(this.jobCapacity * 2);
    const j = this.freeList[--this.freeTop];
    this.jobs[j * STRIDE + FLAGS] = 0;
    return j;
  }

  private free(j: number): void {
    this.jobs[j * STRIDE + TOKEN]++;
    this.jobs[j * STRIDE + FLAGS] = 0;
    this.freeList[this.freeTop++] = j;
  }

  private growJobs(capacity: number): void {
    const old = this.jobCapacity;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.jobs = grow(this.jobs, (n) => new Int32Array(n * STRIDE));
    this.jStart = grow(this.jStart, (n) => new Float64Array(n));
    this.jHeldSince = grow(this.jHeldSince, (n) => new Float64Array(n));
    const free = new Int32Array(capacity);
    free.set(this.freeList.subarray(0, this.freeTop));
    // New slots go on the stack so that the lowest index is handed out first.
    let top = this.freeTop;
    for (let j = capacity - 1; j >= old; j--) free[top++] = j;
    this.freeList = free;
    this.freeTop = top;
    this.jobCapacity = capacity;
  }
}
