// `node bench/diff.js [components]`: whole-process time of `archwright diff a b`
// on two synthetic designs of 10k components (three links each). The second is
// the first with 1% of components edited, 100 components and 100 links added,
// and one requirement added. Times each run with /usr/bin/time (wall seconds and
// peak RSS) and prints the median, beside the same diff in one thread
// (`--threads 1`) and `archwright check` on one of the two designs (the floor:
// a diff loads and reviews two designs, at best side by side).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { generateDesign } from './generate.js';
import { median, requireTime, timeProcess as measure } from './time.js';

const N = Number(process.argv[2] ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = 'bench/out';

requireTime();
if (!existsSync('dist/cli/main.js')) {
  console.error('build first: npm run build');
  process.exit(2);
}

/** The same design, edited the way a pull request edits one. */
function editDesign(text) {
  const lines = text.split('\n');
  let component = -1;
  const out = [];
  for (const line of lines) {
    const m = /^ {2}- id: c(\d+)$/.exec(line);
    if (m) component = Number(m[1]);
    if (component >= 0 && component % 100 === 7 && /^ {4}serviceTime: /.test(line)) {
      out.push('    serviceTime: 25ms');
      continue;
    }
    if (line === 'links:') {
      for (let i = 0; i < 100; i++) {
        out.push(`  - id: new${i}`, '    kind: service', '    zone: core', `    serves: [R${i}]`, '    exposes: [{ protocol: grpc, auth: mtls }]');
      }
    }
    if (line === 'workloads:') {
      for (let i = 0; i < 100; i++) out.push(`  - { id: new-link${i}, from: new${i}, to: c${i * 3 + 1}, protocol: grpc, tls: mtls, auth: mtls }`);
    }
    out.push(line);
    if (line === 'requirements:') out.push('  - { id: R-new, kind: function, text: A requirement added by the change }');
  }
  return out.join('\n');
}


mkdirSync(OUT, { recursive: true });
const a = `${OUT}/diff-a-${N}.yaml`;
const b = `${OUT}/diff-b-${N}.yaml`;
const base = generateDesign(N);
writeFileSync(a, base);
writeFileSync(b, editDesign(base));

const diffArgs = ['node', 'bin/archwright.js', 'diff', a, b, '--format', 'json'];
const first = measure(diffArgs); // warm-up: file cache, compiled code on disk
if (first.status !== 0) {
  console.error(`archwright diff failed (exit ${first.status}):\n${first.stderr}`);
  process.exit(1);
}
const summary = JSON.parse(first.stdout).summary;

const diffRuns = [];
const oneThreadRuns = [];
const checkRuns = [];
for (let i = 0; i < RUNS; i++) {
  diffRuns.push(measure(diffArgs));
  oneThreadRuns.push(measure([...diffArgs, '--threads', '1']));
  checkRuns.push(measure(['node', 'bin/archwright.js', 'check', b, '--fail-on', 'never', '--format', 'json']));
}
const diffWall = median(diffRuns.map((r) => r.wall));
const oneThreadWall = median(oneThreadRuns.map((r) => r.wall));
const checkWall = median(checkRuns.map((r) => r.wall));
console.log(`archwright diff: two designs of ${N} components (${RUNS} runs each, interleaved; medians)`);
console.log(`  elements: +${summary.elements.added} -${summary.elements.removed} ~${summary.elements.changed}, findings: ${summary.findings.new} new, ${summary.findings.resolved} resolved, ${summary.findings.stillOpen} still open, scope creep: ${summary.scopeCreep}`);
// Other work on the machine only ever adds time, so the fastest run is the best estimate of an idle machine's.
const line = (runs) =>
  `${median(runs.map((r) => r.wall)).toFixed(2)} s wall (fastest ${Math.min(...runs.map((r) => r.wall)).toFixed(2)} s), `
  + `${median(runs.map((r) => r.cpu)).toFixed(2)} s CPU (user+sys), ${median(runs.map((r) => r.mb)).toFixed(0)} MB peak`;
console.log(`  diff                ${line(diffRuns)}  (target < 2 s wall)`);
console.log(`  diff in one thread  ${line(oneThreadRuns)}`);
console.log(`  check, one design   ${line(checkRuns)}`);
console.log(`  ratios  diff / check = ${(diffWall / checkWall).toFixed(2)}, one thread / two = ${(oneThreadWall / diffWall).toFixed(2)}`);
console.log(`  load average after measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs (figures are only comparable on an idle machine)`);
