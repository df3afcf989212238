/**
 * The future-event list: a binary min-heap on time over parallel typed arrays.
 * An event is (time, kind, job, token); pushing and popping move numbers, never
 * objects, so the simulation's hot loop allocates nothing per event. The arrays
 * double when full (amortised, not per event).
 *
 * pop() leaves the removed event in `time`/`kind`/`job`/`token` fields instead of
 * returning an object.
 */
export class EventQueue {
  private times: Float64Array;
  private kinds: Int32Array;
  private jobs: Int32Array;
  private tokens: Int32Array;
  size = 0;

  /** The last popped event. */
  time = 0;
  kind = 0;
  job = 0;
  token = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.jobs = new Int32Array(capacity);
    this.tokens = new Int32Array(capacity);
  }

  push(time: number, kind: number, job: number, token: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const kinds = this.kinds;
    const jobs = this.jobs;
    const tokens = this.tokens;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = times[parent];
      if (pt <= time) break;
      times[hole] = pt;
      kinds[hole] = kinds[parent];
      jobs[hole] = jobs[parent];
      tokens[hole] = tokens[parent];
      hole = parent;
    }
    times[hole] = time;
    kinds[hole] = kind;
    jobs[hole] = job;
    tokens[hole] = token;
  }

  /** Removes the earliest event into the `time`/`kind`/`job`/`token` fields; false when empty. */
  pop(): boolean {
    const n = this.size;
    if (n === 0) return false;
    const times = this.times;
    const kinds = this.kinds;
    const jobs = this.jobs;
    const tokens = this.tokens;
    this.time = times[0];
    this.kind = kinds[0];
    this.job = jobs[0];
    this.token = tokens[0];
    const last = n - 1;
    this.size = last;
    if (last === 0) return true;
    const t = times[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && times[right] < times[child]) child = right;
      const ct = times[child];
      if (ct >= t) break;
      times[hole] = ct;
      kinds[hole] = kinds[child];
      jobs[hole] = jobs[child];
      tokens[hole] = tokens[child];
      hole = child;
    }
    times[hole] = t;
    kinds[hole] = kinds[last];
    jobs[hole] = jobs[last];
    tokens[hole] = tokens[last];
    return true;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const kinds = new Int32Array(capacity);
    kinds.set(this.kinds);
    const jobs = new Int32Array(capacity);
    jobs.set(this.jobs);
    const tokens = new Int32Array(capacity);
    tokens.set(this.tokens);
    this.times = times;
    this.kinds = kinds;
    this.jobs = jobs;
    this.tokens = tokens;
  }
}
