// How far the capacity model's two approximations are from the truth, by simulation:
//  1. Allen–Cunneen's M/G/c mean wait, for constant (cs² = 0) and lognormal (cs² = 4) service;
//  2. the gamma fit for a path's p95/p99, on tandems of M/M/c stations.
// A seeded FCFS multi-server simulation (each customer takes the earliest free
// server, the Kiefer–Wolfowitz recursion); 95% intervals from 20 batch means.
// Needs dist/ (npm run build). Prints a table; the figures go into docs/capacity.md.
import { mgc, mmc, mmcResponseMoments, gammaFitQuantile } from '../dist/capacity/index.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const WARMUP = Math.floor(CUSTOMERS / 20);

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
}
const exponential = (rand, mean) => () => -Math.log(rand()) * mean;
function lognormal(rand, mean, cv) {
  const s2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  const s = Math.sqrt(s2);
  return () => Math.exp(mu + s * Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand()));
}

/** Waits and departures of one FCFS c-server station for arrivals in time order. */
function station(arrivals, c, service) {
  const free = new Float64Array(c);
  const wait = new Float64Array(arrivals.length);
  const depart = new Float64Array(arrivals.length);
  for (let i = 0; i < arrivals.length; i++) {
    let k = 0;
    for (let j = 1; j < c; j++) if (free[j] < free[k]) k = j;
    const start = Math.max(arrivals[i], free[k]);
    wait[i] = start - arrivals[i];
    depart[i] = free[k] = start + service();
  }
  return { wait, depart };
}

function poissonArrivals(rand, rate, n) {
  const a = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) a[i] = t += -Math.log(rand()) / rate;
  return a;
}

function batchMeans(values, from) {
  const batches = 20;
  const size = Math.floor((values.length - from) / batches);
  const means = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = from + b * size; i < from + (b + 1) * size; i++) s += values[i];
    means.push(s / size);
  }
  const mean = means.reduce((a, b) => a + b, 0) / batches;
  const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (batches - 1));
  return { mean, half: (2.093 * sd) / Math.sqrt(batches) }; // t(0.975, 19)
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

console.log(`1. Allen–Cunneen M/G/c mean wait vs simulation (${CUSTOMERS.toLocaleString('en-US')} customers, mean service 1)`);
console.log('   service      c   ρ     simulated Wq (95% CI)        Allen–Cunneen   error     error in W');
let seed = 11;
for (const [name, cv] of [['constant', 0], ['lognormal cv=2', 2]]) {
  for (const c of [1, 4, 16]) {
    for (const rho of [0.5, 0.8, 0.95]) {
      const rand = rng(seed++);
      const service = cv === 0 ? () => 1 : lognormal(rand, 1, cv);
      const arrivals = poissonArrivals(rand, rho * c, CUSTOMERS);
      const { wait } = station(arrivals, c, service);
      const sim = batchMeans(wait, WARMUP);
      const ac = mgc(rho * c, 1, c, cv * cv).meanWait;
      console.log(`   ${name.padEnd(14)} ${String(c).padStart(2)}  ${rho.toFixed(2)}  ${sim.mean.toFixed(4).padStart(9)} ± ${sim.half.toFixed(4).padEnd(8)}   ${ac.toFixed(4).padStart(13)}   ${pct(ac / sim.mean - 1).padStart(7)}   ${pct((ac + 1) / (sim.mean + 1) - 1).padStart(7)}`);
    }
  }
}

console.log(`\n2. Path percentiles: gamma fit vs simulation, tandems of M/M/c stations (${CUSTOMERS.toLocaleString('en-US')} customers)`);
console.log(`   ${'path (servers@utilisation)'.padEnd(60)}  sim p95    fit p95   error    sim p99    fit p99   error`);
// every station sees the same Poisson stream; its mean service time is set from its servers and utilisation
const paths = [
  [[4, 0.7]],
  [[4, 0.7], [4, 0.7], [4, 0.7]],
  [[64, 0.7], [32, 0.45], [128, 0.7], [64, 0.45], [64, 0.45], [200, 0.04]],
  [[1, 0.5], [8, 0.9], [2, 0.6]],
  [[16, 0.95], [1, 0.3]],
];
for (const path of paths) {
  const rand = rng(seed++);
  const rate = 1;
  let arrivals = poissonArrivals(rand, rate, CUSTOMERS);
  let order = Int32Array.from({ length: CUSTOMERS }, (_, i) => i);
  const start = Float64Array.from(arrivals);
  const end = new Float64Array(CUSTOMERS);
  const moments = { mean: 0, variance: 0 };
  for (const [c, rho] of path) {
    const mean = (rho * c) / rate;
    const m = mmcResponseMoments(mmc(rate, 1 / mean, c));
    moments.mean += m.mean;
    moments.variance += m.variance;
    const { depart } = station(arrivals, c, exponential(rand, mean));
    const next = Int32Array.from(order);
    const idx = Int32Array.from({ length: CUSTOMERS }, (_, i) => i).sort((a, b) => depart[a] - depart[b]);
    arrivals = Float64Array.from(idx, (i) => depart[i]);
    for (let i = 0; i < CUSTOMERS; i++) next[i] = order[idx[i]];
    for (let i = 0; i < CUSTOMERS; i++) end[next[i]] = arrivals[i];
    order = next;
  }
  const sojourn = Float64Array.from({ length: CUSTOMERS - WARMUP }, (_, i) => end[i + WARMUP] - start[i + WARMUP]).sort();
  const q = (p) => sojourn[Math.floor(p * (sojourn.length - 1))];
  const fit95 = gammaFitQuantile(moments, 0.95);
  const fit99 = gammaFitQuantile(moments, 0.99);
  const label = path.map(([c, rho]) => `${c}@${rho}`).join(' → ');
  console.log(`   ${label.padEnd(60)} ${q(0.95).toPrecision(4).padStart(9)} ${fit95.toPrecision(4).padStart(9)} ${pct(fit95 / q(0.95) - 1).padStart(7)}  ${q(0.99).toPrecision(4).padStart(9)} ${fit99.toPrecision(4).padStart(9)} ${pct(fit99 / q(0.99) - 1).padStart(7)}`);
}
