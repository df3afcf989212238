// Speed of the analytic capacity model on a generated design of 10k components
// (override with BENCH_CAPACITY_SIZE) with open and closed workloads whose path
// trees reach every component. Loading is timed separately; the figure that
// matters is analyseCapacity() beyond loading (budget: 200 ms at 10k).
// Needs dist/ (npm run build). Prints medians of BENCH_RUNS runs after one warm-up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadDesign } from '../dist/model/load.js';
import { nodeHost } from '../dist/io/node-host.js';
import { analyseCapacity, buildModel } from '../dist/capacity/index.js';
import { growthPlan } from '../dist/capacity/growth.js';
import { solveMonth } from '../dist/capacity/solve.js';
import { median } from './time.js';

const N = Number(process.env.BENCH_CAPACITY_SIZE ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WORKLOADS = Math.max(4, Math.floor(N / 50));

function generate(n) {
  let state = 7;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const components = [];
  for (let i = 0; i < n; i++) {
    const c = {
      id: `c${i}`, kind: i % 10 === 4 ? 'datastore' : 'service',
      instances: { min: 1 + (i % 3), max: 4 + Math.floor(rand() * 30) },
      concurrency: [4, 16, 64, 128, 256][i % 5],
      serviceTime: `${1 + Math.floor(rand() * 40)}ms`,
      cost: { perInstanceMonthly: 20 + (i % 7) * 10 },
    };
    if (i % 17 === 0) c.queueLimit = 50;
    if (i % 13 === 0) c.serviceTimeDistribution = { kind: 'lognormal', cv: 2 };
    if (i % 11 === 0) c.serviceTimeDistribution = 'constant';
    components.push(c);
  }
  const links = [];
  // workload w touches a block of components as a tree: a chain with fan-out branches
  const workloads = [];
  const block = Math.ceil(n / WORKLOADS);
  for (let w = 0; w < WORKLOADS; w++) {
    const open = w % 25 !== 3;
    // closed workloads all run through the first block, shared with w0 and with each other
    const first = open ? w * block : 0;
    const ids = Array.from({ length: Math.min(block, n - first) }, (_, j) => `c${first + j}`);
    const step = (j) => {
      const id = ids[j];
      const children = [];
      for (const k of [2 * j + 1, 2 * j + 2]) if (k < ids.length) children.push(step(k));
      if (j > 0 && j % 9 === 0) return { [id]: { async: true, ...(children.length ? { then: children } : {}) } };
      if (children.length === 0) return id;
      return { [id]: { calls: j % 5 === 0 ? 2 : 1, then: children } };
    };
    if (open) for (let j = 1; j < ids.length; j++) links.push({ from: ids[Math.floor((j - 1) / 2)], to: ids[j], protocol: 'grpc' });
    workloads.push({
      id: `w${w}`,
      ...(open ? { rate: `${20 + Math.floor(rand() * 200)}/s` } : { users: 40 + (w % 3) * 20, thinkTime: '2s' }),
      peakFactor: 2, growth: `${2 + (w % 8)}%/month`, horizon: '24 months',
      path: [step(0)],
    });
  }
  // every tenth workload has latency targets, and so do two of the closed ones
  const requirements = workloads.filter((_, i) => i % 10 === 0 || i === 3 || i === 28).map((w, i) => ({
    id: `R${i}`, kind: 'quality', text: `Latency of ${w.id}`, target: { workload: w.id, latencyP99: '400ms', latencyMean: '150ms' },
  }));
  return {
    archwright: 1,
    system: { name: `Capacity bench ${n}`, constraints: { budget: { monthly: 5_000_000, currency: 'USD' } } },
    requirements, components, links, workloads,
  };
}

// wall time, and this process's CPU time (steadier on a shared machine)
const time = (f) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, value };
};

mkdirSync('bench/out', { recursive: true });
const file = `bench/out/capacity-${N}.json`;
writeFileSync(file, JSON.stringify(generate(N)));

const loaded = time(() => loadDesign(file, nodeHost));
if (!loaded.value.design) {
  console.error(loaded.value.errors.slice(0, 5));
  process.exit(2);
}
const design = loaded.value.design;
const nodes = design.workloads.reduce((s, w) => s + w.nodes.length, 0);
const closed = design.workloads.filter((w) => w.users !== undefined).length;

analyseCapacity(design); // warm-up
const total = [];
const totalCpu = [];
const parts = { model: [], month: [], growth: [] };
for (let i = 0; i < RUNS; i++) {
  const t = time(() => analyseCapacity(design));
  total.push(t.ms);
  totalCpu.push(t.cpu);
  const m = time(() => buildModel(design));
  parts.model.push(m.ms);
  parts.month.push(time(() => solveMonth(m.value, 0)).ms);
  parts.growth.push(time(() => growthPlan(m.value)).ms);
}
const report = analyseCapacity(design);
const servers = report.components.reduce((s, c) => s + (c.servers ?? 0), 0);

console.log(`capacity bench: ${N} components, ${design.workloads.length} workloads (${closed} closed, sharing components), ${nodes} path steps, ${report.targets.length} latency targets, ${report.growth.months.length} months`);
console.log(`  servers in total ${servers.toLocaleString('en-US')}; saturating within the horizon: ${report.growth.components.filter((c) => c.saturatesMonth !== undefined).length}`);
console.log(`  machine load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
console.log(`  load (read + parse + validate + resolve): ${loaded.ms.toFixed(0)} ms (once)`);
console.log(`  analyseCapacity beyond loading: median ${median(total).toFixed(1)} ms, min ${Math.min(...total).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms over ${RUNS} runs  (budget 200 ms: ${median(total) < 200 ? 'within' : 'OVER'}, ${(200 / median(total)).toFixed(1)}× headroom)`);
console.log(`  analyseCapacity CPU time: median ${median(totalCpu).toFixed(1)} ms (all threads of the process, GC included)`);
console.log(`    of which: build model ${median(parts.model).toFixed(1)} ms, one month (queues + MVA + latency) ${median(parts.month).toFixed(1)} ms, growth plan ${median(parts.growth).toFixed(1)} ms`);
console.log(`  closed workloads solved by: ${[...new Set(report.workloads.filter((w) => w.closedMethod).map((w) => w.closedMethod))].join(', ')}`);
