// `node bench/simulate.js`: the simulator's speed on M/M/4 at ρ = 0.8 with
// 10^6 customers, against
//   - a bare typed-array event loop (bench/bare-loop.js) that only pops and
//     pushes the same events with the same random draws: the machine's limit
//     for this work;
//   - SimPy 3 on the same model (bench/simpy_mmc.py, /usr/bin/python3), when
//     the python3-simpy3 package is installed.
// Events are counted the same way for all three: an arrival and a departure
// per customer (the simulator reports its own count, which matches).
// Each measurement runs in its own process under /usr/bin/time (wall seconds,
// peak RSS); events/s come from the timed section inside the process (after a
// JIT warm-up run for the two JS loops), per CPU second of that section: the
// machine is shared, and CPU time is what other processes' load disturbs least
// (wall seconds are printed beside it). JS runs alternate so that load hits
// both alike; medians of BENCH_RUNS (default 5).
// Needs dist/ (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, requireTime, timeProcess } from './time.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1e6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVERS = 4;
const RHO = 0.8;
const SELF = fileURLToPath(import.meta.url);
/** Runs of 2·10^5 customers before the timed one, so that both JS loops are measured fully optimised. */
const WARMUPS = 3;

async function child(kind, customers) {
  if (kind === 'bare') {
    const { bareLoop } = await import('./bare-loop.js');
    for (let i = 0; i < WARMUPS; i++) bareLoop(Math.min(customers, 2e5), SERVERS, RHO, 7 + i);
    const [seconds, cpuSeconds, events] = timedSection(() => bareLoop(customers, SERVERS, RHO));
    return { impl: 'bare-loop', customers, events, seconds, cpuSeconds, eventsPerSecond: events / cpuSeconds };
  }
  const { loadDesign } = await import('../dist/model/load.js');
  const { simulate } = await import('../dist/capacity/simulate/index.js');
  const text = [
    'archwright: 1',
    'system: { name: M/M/4 at utilisation 0.8 }',
    'components:',
    `  - { id: station, kind: service, instances: 1, concurrency: ${SERVERS}, serviceTime: 1s }`,
    'workloads:',
    `  - { id: customers, rate: ${RHO * SERVERS}/s, path: [station] }`,
  ].join('\n');
  const { design } = loadDesign('mm4.yaml', { readFile: () => text, glob: () => [] });
  for (let i = 0; i < WARMUPS; i++) simulate(design, { customers: Math.min(customers, 2e5), seed: 7 + i });
  const [seconds, cpuSeconds, result] = timedSection(() => simulate(design, { customers, seed: 42 }));
  return {
    impl: 'archwright', customers, events: result.events, seconds, cpuSeconds, eventsPerSecond: result.events / cpuSeconds,
    meanResponse: result.workloads[0].latency.mean.value, p99: result.workloads[0].latency.p99.value,
  };
}

/** Wall and CPU seconds of fn() in this process. */
function timedSection(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return [seconds, (cpu.user + cpu.system) / 1e6, value];
}

function timed(args) {
  const r = timeProcess(args);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processWall: r.wall, peakMb: r.mb };
}

const rate = (x) => `${(x / 1e6).toFixed(2)}M/s`;

async function parent() {
  requireTime();
  if (!existsSync(new URL('../dist/capacity/simulate/index.js', import.meta.url))) {
    console.error('bench needs dist/: run npm run build first');
    process.exit(2);
  }
  console.log(`M/M/${SERVERS} at ρ = ${RHO}, ${CUSTOMERS.toLocaleString('en-US')} customers; node ${process.version}; ${RUNS} alternating runs (median)`);
  const sims = [];
  const bares = [];
  for (let i = 0; i < RUNS; i++) {
    sims.push(timed([process.execPath, SELF, '--one', 'sim', String(CUSTOMERS)]));
    bares.push(timed([process.execPath, SELF, '--one', 'bare', String(CUSTOMERS)]));
  }
  const ratios = sims.map((s, i) => s.eventsPerSecond / bares[i].eventsPerSecond);
  const sim = median(sims.map((s) => s.eventsPerSecond));
  const bare = median(bares.map((s) => s.eventsPerSecond));
  console.log('implementation      events  run wall s  run cpu s  events/cpu s  process wall s  peak MB');
  const row = (name, runs) => {
    const m = runs.find((r) => r.eventsPerSecond === median(runs.map((x) => x.eventsPerSecond)));
    console.log(`${name.padEnd(18)} ${String(m.events).padStart(8)} ${m.seconds.toFixed(3).padStart(11)} ${m.cpuSeconds.toFixed(3).padStart(10)} ${rate(m.eventsPerSecond).padStart(13)} ${m.processWall.toFixed(2).padStart(15)} ${m.peakMb.toFixed(0).padStart(8)}`);
  };
  row('archwright', sims);
  row('bare typed loop', bares);
  let simpy;
  const python = '/usr/bin/python3';
  const hasSimpy = existsSync(python) && spawnSync(python, ['-c', 'import simpy'], { encoding: 'utf8' }).status === 0;
  if (hasSimpy) {
    simpy = timed([python, new URL('./simpy_mmc.py', import.meta.url).pathname, String(CUSTOMERS), String(SERVERS), String(RHO)]);
    row(`SimPy ${simpy.simpy}`, [simpy]);
  } else {
    console.log('SimPy              not installed (apt-get install python3-simpy3): no SimPy ratio');
  }
  console.log('');
  console.log(`archwright / bare loop: ${median(ratios).toFixed(2)} (median of per-run ratios; bar ≥ 0.5)`);
  if (simpy) console.log(`archwright / SimPy:     ${(sim / simpy.eventsPerSecond).toFixed(1)}× (bar ≥ 30×)`);
  console.log(`mean response: archwright ${sims[0].meanResponse.toFixed(4)}${simpy ? `, SimPy ${simpy.meanResponse.toFixed(4)}` : ''} (exact M/M/4: 1.7455)`);
  console.log(JSON.stringify({ customers: CUSTOMERS, archwright: sim, bare, simpy: simpy?.eventsPerSecond, ratioToBare: median(ratios), ratioToSimpy: simpy ? sim / simpy.eventsPerSecond : undefined }));
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await child(process.argv[3], Number(process.argv[4]))));
} else {
  await parent();
}
