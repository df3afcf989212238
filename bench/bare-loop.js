// The machine's limit for this work: an M/M/c event loop over the same
// typed-array heap layout (time in a Float64Array, kind/payload in Int32Arrays)
// that only pops an event and pushes the events it causes, drawing the same
// exponential times from the same generator (pure-rand xoroshiro128+) — no
// jobs, queues, statistics or histograms. Run: node bench/bare-loop.js [customers] [c] [rho]
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export function bareLoop(customers, c, rho, seed = 42) {
  const mean = 1;
  const rate = (rho * c) / mean;
  const arrivalRng = xoroshiro128plus(seed);
  const serviceRng = xoroshiro128plus(seed + 1);
  const cap = 1024;
  const times = new Float64Array(cap);
  const kinds = new Int32Array(cap);
  const jobs = new Int32Array(cap);
  let size = 0;
  const push = (t, k, j) => {
    let hole = size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (times[parent] <= t) break;
      times[hole] = times[parent]; kinds[hole] = kinds[parent]; jobs[hole] = jobs[parent];
      hole = parent;
    }
    times[hole] = t; kinds[hole] = k; jobs[hole] = j;
  };
  let popT = 0; let popK = 0;
  const pop = () => {
    popT = times[0]; popK = kinds[0];
    const last = --size;
    if (last === 0) return;
    const t = times[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      if (child + 1 < last && times[child + 1] < times[child]) child++;
      if (times[child] >= t) break;
      times[hole] = times[child]; kinds[hole] = kinds[child]; jobs[hole] = jobs[child];
      hole = child;
    }
    times[hole] = t; kinds[hole] = kinds[last]; jobs[hole] = jobs[last];
  };
  let busy = 0; let waiting = 0; let arrived = 1; let events = 0;
  push(-Math.log(1 - uniformFloat64(arrivalRng)) / rate, 0, 0);
  while (size > 0) {
    pop();
    events++;
    const t = popT;
    if (popK === 0) {
      if (arrived < customers) { arrived++; push(t - Math.log(1 - uniformFloat64(arrivalRng)) / rate, 0, 0); }
      if (busy < c) { busy++; push(t - mean * Math.log(1 - uniformFloat64(serviceRng)), 1, 0); } else waiting++;
    } else if (waiting > 0) {
      waiting--; push(t - mean * Math.log(1 - uniformFloat64(serviceRng)), 1, 0);
    } else busy--;
  }
  return events;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const customers = Number(process.argv[2] ?? 1e6);
  const c = Number(process.argv[3] ?? 4);
  const rho = Number(process.argv[4] ?? 0.8);
  bareLoop(Math.min(customers, 1e5), c, rho, 7); // JIT warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const events = bareLoop(customers, c, rho);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ impl: 'bare-loop', customers, events, seconds, cpuSeconds, eventsPerSecond: events / cpuSeconds }));
}
