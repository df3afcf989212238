/**
 * archwright's protobuf verdicts against the reference tool: for every pair in
 * test/fixtures/contracts/proto, `buf breaking --against` with the WIRE_JSON
 * category must reach the same breaking / not-breaking verdict, except where the
 * two differ by design (DIFFERENCES). buf runs once over all pairs, each pair's
 * files given a package prefix of their own so they share one module.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareContracts } from '../../src/contracts/compare.js';
import { PROTOBUF_CHANGES } from '../../src/contracts/protobuf/compare.js';

const ROOT = 'test/fixtures/contracts/proto';
const BUF = join('node_modules', '.bin', process.platform === 'win32' ? 'buf.cmd' : 'buf');

interface Label { change: string | null; breaking: boolean; why: string }
const labels = yaml.load(readFileSync(join(ROOT, 'cases.yaml'), 'utf8')) as Record<string, Label>;
const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/**
 * Where archwright and buf's WIRE_JSON disagree on purpose. WIRE_JSON judges
 * encodings only: deleting a service or an RPC (buf's SERVICE_NO_DELETE and
 * RPC_NO_DELETE, which are in the FILE and PACKAGE categories) changes no encoding,
 * but every caller of it gets UNIMPLEMENTED, and a consumer in a design is a caller.
 */
const DIFFERENCES: Record<string, { archwright: boolean; buf: boolean; why: string }> = {
  'rpc-removed': { archwright: true, buf: false, why: 'callers of the removed RPC get UNIMPLEMENTED; buf counts RPC deletion only in FILE/PACKAGE' },
  'service-removed': { archwright: true, buf: false, why: 'callers of the removed service get UNIMPLEMENTED; buf counts service deletion only in FILE/PACKAGE' },
  'service-renamed': { archwright: true, buf: false, why: 'the RPC paths (/pkg.Service/Method) callers use change; to buf it is a deletion plus an addition' },
};

let work: string;
const bufVerdict = new Map<string, string[]>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'archwright-buf-'));
  for (const side of ['old', 'new']) {
    mkdirSync(join(work, side));
    writeFileSync(join(work, side, 'buf.yaml'), 'version: v2\nbreaking:\n  use: [WIRE_JSON]\n');
    cases.forEach((name, i) => {
      const text = readFileSync(join(ROOT, name, `${side}.proto`), 'utf8').replace(/^package ([\w.]+);/m, `package case${i}.$1;`);
      writeFileSync(join(work, side, `${name}.proto`), text);
    });
  }
  let out: string;
  try {
    out = execFileSync(join(process.cwd(), BUF), ['breaking', 'new', '--against', 'old', '--error-format', 'json'], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    if (e.status !== 100) throw new Error(`buf failed (${e.status}): ${e.stderr}`);
    out = e.stdout ?? '';
  }
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line) as { path: string; type: string };
    const name = v.path.replace(/^(new|old)\//, '').replace(/\.proto$/, '');
    bufVerdict.set(name, [...(bufVerdict.get(name) ?? []), v.type]);
  }
});

afterAll(() => {
  if (work && existsSync(work)) rmSync(work, { recursive: true, force: true });
});

function archwright(name: string) {
  const read = (side: string) => ({ file: `${name}/${side}.proto`, text: readFileSync(join(ROOT, name, `${side}.proto`), 'utf8') });
  const result = compareContracts(read('old'), read('new'));
  expect(result.errors).toEqual([]);
  return result.changes;
}

describe('protobuf corpus against buf breaking (WIRE_JSON)', () => {
  it('has at least 30 labelled pairs, each labelled', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(labels).sort()).toEqual(cases);
  });

  it('covers every protobuf change archwright reports', () => {
    const seen = new Set<string>();
    for (const name of cases) for (const c of archwright(name)) seen.add(c.id);
    expect([...seen].filter((id) => !PROTOBUF_CHANGES.includes(id.replace('protobuf/', '') as never))).toEqual([]);
    expect(PROTOBUF_CHANGES.filter((id) => !seen.has(`protobuf/${id}`))).toEqual([]);
  });

  it.each(cases)('%s', (name) => {
    const changes = archwright(name);
    const label = labels[name];
    const ours = changes.some((c) => c.severity === 'breaking');
    const theirs = bufVerdict.has(name);
    expect(ours, `archwright's verdict (${label.why})`).toBe(label.breaking);
    if (label.change) expect(changes.map((c) => c.id)).toContain(label.change);
    else expect(changes).toEqual([]);
    const difference = DIFFERENCES[name];
    if (difference) {
      expect({ archwright: ours, buf: theirs }, difference.why).toEqual({ archwright: difference.archwright, buf: difference.buf });
    } else {
      expect(theirs, `buf ${theirs ? `reports ${bufVerdict.get(name)!.join(', ')}` : 'reports nothing'}`).toBe(ours);
    }
  });
});
