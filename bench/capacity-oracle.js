// An independent oracle for the queueing library: the same cases solved by
// Debian's octave-queueing (apt-get install octave-queueing), compared figure by
// figure. Not a test (CI has no Octave); prints each case's largest relative
// difference. Needs dist/ (npm run build) and octave-cli on the PATH.
import { spawnSync } from 'node:child_process';
import { erlangB, erlangC, mg1, mmc, mmck, mva, multiClassMva, openNetwork } from '../dist/capacity/index.js';

const cases = [];
const add = (name, octave, ours) => cases.push({ name, octave, ours });

for (const [A, m] of [[17, 26], [950, 1000], [4000, 4200], [7000, 8000], [100, 80], [0.5, 3]]) {
  add(`Erlang B/C  A=${A}, m=${m}`, `erlangb(${A}, ${m}), erlangc(${A}, ${m})`, () => [erlangB(m, A), erlangC(m, A)]);
}
for (const [l, mu, m] of [[90, 1, 100], [5.6, 1, 8], [0.5, 1, 1], [2990, 1, 3000]]) {
  add(`M/M/c  λ=${l}, μ=${mu}, c=${m}`, `qsmmm(${l}, ${mu}, ${m})`, () => {
    const q = mmc(l, mu, m);
    return [q.utilisation, q.meanResponse, q.meanInSystem, q.throughput];
  });
}
for (const [l, mu, m, K] of [[90, 1, 100, 150], [300, 2, 120, 200], [5, 1, 1, 10], [3, 2, 2, 5]]) {
  add(`M/M/c/K  λ=${l}, μ=${mu}, c=${m}, K=${K}`, `qsmmmk(${l}, ${mu}, ${m}, ${K})`, () => {
    const q = mmck(l, mu, m, K);
    return [q.utilisation, q.meanResponse, q.meanInSystem, q.throughput, q.probEmpty, q.probLoss];
  });
}
for (const [l, s, cs2] of [[0.8, 1, 4], [0.4, 2, 0], [3, 0.2, 0.25]]) {
  add(`M/G/1  λ=${l}, S=${s}, cs²=${cs2}`, `qsmg1(${l}, ${s}, ${(1 + cs2) * s * s})`, () => {
    const q = mg1(l, s, cs2);
    return [q.utilisation, q.meanResponse, q.meanInSystem, q.throughput];
  });
}
{
  const S = [0.1, 0.3, 0.05];
  const V = [3, 1, 5];
  const m = [1, 1, 4];
  add('open network, a 4-server station', `qnos(2, [${S}], [${V}], [${m}])`, () => {
    const net = openNetwork(2, S.map((s, k) => ({ serviceTime: s, visits: V[k], servers: m[k] })));
    return [...net.stations.map((x) => x.utilisation), ...net.stations.map((x) => x.responsePerVisit), ...net.stations.map((x) => x.queueLength), ...net.stations.map((x) => x.throughput)];
  });
}
{
  const S = [0.04, 0.2, 0.3, 1];
  const V = [10, 3, 2, 1];
  const m = [1, 2, 4, -1];
  add('closed MVA, N=15, 2- and 4-server stations, a delay, Z=2', `qncsmva(15, [${S}], [${V}], [${m}], 2)`, () => {
    const r = mva(15, S.map((s, k) => ({ demand: s * V[k], servers: m[k] < 1 ? 'delay' : m[k] })), 2);
    // Octave's "utilisation" of a delay station is its mean number in service, X·D
    const u = r.stations.map((x, i) => (m[i] < 1 ? r.throughput * S[i] * V[i] : x.utilisation));
    return [...u, ...r.stations.map((x, i) => x.residence / V[i]), ...r.stations.map((x) => x.queueLength), ...V.map((v) => r.throughput * v)];
  });
}
{
  const N = [3, 2];
  const S = [[0.1, 0.2, 1], [0.3, 0.1, 1]];
  const V = [[1, 2, 1], [1, 1, 1]];
  const m = [1, 1, -1];
  const mat = (x) => `[${x.map((row) => row.join(' ')).join('; ')}]`;
  add('multi-class exact MVA, N=[3 2], a delay station', `qncmmva([${N}], ${mat(S)}, ${mat(V)}, [${m}])`, () => {
    const r = multiClassMva(N, S.map((row, c) => row.map((s, j) => s * V[c][j])), m.map((x) => ({ servers: x < 1 ? 'delay' : x })));
    const byClass = (f) => [0, 1, 2].flatMap((j) => [0, 1].map((c) => f(c, j))); // Octave prints column-major
    return [
      ...byClass((c, j) => (m[j] < 1 ? S[c][j] * V[c][j] * r.throughput[c] : S[c][j] * V[c][j] * r.throughput[c])),
      ...byClass((c, j) => r.residence[c][j] / V[c][j]),
      ...byClass((c, j) => r.queueLength[c][j]),
      ...byClass((c, j) => r.throughput[c] * V[c][j]),
    ];
  });
}

const script = ['pkg load queueing;', 'format long;', 'function show(varargin) for i = 1:numel(varargin) printf("%.17g ", varargin{i}(:)); end; printf("\\n"); end']
  .concat(cases.map((c) => {
    const outs = (c.octave.match(/^(\w+)\(/) ?? [])[1];
    const n = { erlangb: 0, qsmmm: 4, qsmmmk: 6, qsmg1: 4, qnos: 4, qncsmva: 4, qncmmva: 4 }[outs] ?? 0;
    const names = Array.from({ length: n }, (_, i) => `o${i}`);
    const call = n === 0 ? `show(${c.octave});` : `[${names.join(', ')}] = ${c.octave}; show(${names.join(', ')});`;
    return `try ${call} catch e; printf("ERR %s\\n", e.message); end`;
  }))
  .join('\n');
const run = spawnSync('octave-cli', ['--no-gui', '-q', '--eval', script], { encoding: 'utf8' });
if (run.error || run.status !== 0 && !run.stdout) {
  console.error(`octave-cli failed: ${run.error?.message ?? run.stderr}`);
  process.exit(2);
}
const lines = run.stdout.trim().split('\n');
console.log('queueing library vs octave-queueing 1.2.7 (largest relative difference over the figures of each case)');
let worst = 0;
cases.forEach((c, i) => {
  if (lines[i].startsWith('ERR')) {
    console.log(`  ${c.name.padEnd(58)} Octave: ${lines[i].slice(4)}`);
    return;
  }
  const theirs = lines[i].trim().split(/\s+/).map(Number);
  const ours = c.ours();
  let max = 0;
  let note = '';
  theirs.forEach((t, j) => {
    if (c.octave.startsWith('qsmmmk') && j === 4 && t < 0) {
      note = `Octave's p0 = ${t.toPrecision(3)} < 0 (cancellation), ours ${ours[j].toPrecision(3)}: left out`;
      return;
    }
    const o = ours[j];
    const d = t === o ? 0 : Math.abs(t - o) / Math.max(Math.abs(t), Math.abs(o));
    max = Math.max(max, d);
  });
  worst = Math.max(worst, max);
  console.log(`  ${c.name.padEnd(58)} ${String(theirs.length).padStart(2)} figures   max rel. diff ${max.toExponential(2)}${note ? `  (${note})` : ''}`);
  if (process.env.VERBOSE && max > 1e-9) console.log(`    octave: ${JSON.stringify(theirs)}\n    ours:   ${JSON.stringify(ours)}`);
});
console.log(`  worst: ${worst.toExponential(2)}`);
