// `npm run bench`: whole-process time and peak memory of `archwright check` on
// synthetic designs of 1k, 10k and 50k components (three links each), beside
// the whole-process time of only parsing the same file with js-yaml.
// Uses /usr/bin/time for each run's wall time and peak RSS; prints medians.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { generateDesign } from './generate.js';
import { median, requireTime, timeProcess as measure } from './time.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = 'bench/out';
mkdirSync(OUT, { recursive: true });

requireTime();

function pairRuns(file) {
  const check = [];
  const parse = [];
  const ratios = [];
  let status;
  // warm-up: file cache, compiled code on disk
  measure(['node', 'bin/archwright.js', 'check', file]);
  for (let i = 0; i < RUNS; i++) {
    const c = measure(['node', 'bin/archwright.js', 'check', file]);
    const p = measure(['node', 'bench/parse-only.js', file]);
    status = c.status;
    check.push(c);
    parse.push(p);
    ratios.push(c.wall / p.wall);
  }
  return {
    checkWall: median(check.map((r) => r.wall)),
    checkMb: Math.max(...check.map((r) => r.mb)),
    parseWall: median(parse.map((r) => r.wall)),
    ratio: median(ratios),
    status,
  };
}

console.log(`archwright check vs js-yaml parse-only, ${RUNS} paired runs each (median; node ${process.version})`);
console.log('components  file MB  check s  parse s  check/parse  peak MB  findings exit');
const results = {};
for (const n of SIZES) {
  const file = `${OUT}/design-${n}.yaml`;
  writeFileSync(file, generateDesign(n));
  const r = pairRuns(file);
  const json = execFileSync('node', ['bin/archwright.js', 'check', file, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const findings = JSON.parse(json).findings.length;
  results[n] = r;
  console.log(`${String(n).padStart(10)}  ${(statSync(file).size / 1e6).toFixed(1).padStart(7)}  ${r.checkWall.toFixed(2).padStart(7)}  ${r.parseWall.toFixed(2).padStart(7)}  ${r.ratio.toFixed(2).padStart(11)}  ${r.checkMb.toFixed(0).padStart(7)}  ${String(findings).padStart(8)} ${r.status}`);
}

const bar = [];
if (results[10000]) {
  bar.push(`10k: check/parse ${results[10000].ratio.toFixed(2)} (bar ≤ 1.5), peak ${results[10000].checkMb.toFixed(0)} MB (bar ≤ 600)`);
}
if (results[10000] && results[50000]) {
  bar.push(`50k/10k check time ${(results[50000].checkWall / results[10000].checkWall).toFixed(2)} (bar ≤ 5.5: linear)`);
}
for (const line of bar) console.log(line);
