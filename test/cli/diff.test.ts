/**
 * `archwright diff` end to end: a throwaway git repository with two commits of a
 * design spread over an entry file and globbed includes, compared as files, as
 * REV:PATH and as bare revisions; gates and exit codes; no colour in a pipe.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, run } from './run.js';

const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
let repo: string;
let outside: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' }).toString();
const write = (path: string, doc: unknown) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof doc === 'string' ? doc : yaml.dump(doc));
};

const entry = (requirements: string[]) => ({
  archwright: 1,
  include: ['services/*.yaml'],
  system: { name: 'Shop', purpose: 'Sell.', constraints: { engineers: 2 }, scope: { in: ['checkout'], out: ['recommendations'] } },
  requirements: requirements.map((id) => ({ id, kind: 'function', text: `Requirement ${id}.` })),
  data: [{ id: 'profile', classification: ['personal'], subjects: ['customers'], retention: '365d', lawfulBasis: 'contract' }],
  zones: [{ id: 'core', trust: 'internal' }],
  components: [{ id: 'api', kind: 'service', zone: 'core', serves: ['R1'], instances: { min: 2, max: 4 } }],
});

/** The JSON diff of a run, after checking it succeeded. */
const diffJson = (args: string[], cwd = repo) => {
  const r = run(['diff', ...args, '--format', 'json', '--today', '2026-11-24'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'archwright-diff-'));
  outside = mkdtempSync(join(tmpdir(), 'archwright-nogit-'));
  git(repo, 'init', '-q', '-b', 'main');
  // v1 on main: api and its database (the database in an included file).
  write(join(repo, 'design/archwright.yaml'), entry(['R1']));
  write(join(repo, 'design/services/db.yaml'), {
    components: [{ id: 'db', kind: 'datastore', zone: 'core', stores: ['profile'], encryptedAtRest: true }],
    links: [{ from: 'api', to: 'db', protocol: 'sql', tls: 'tls', auth: 'password', carries: ['profile'] }],
  });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  // v2 on a branch: a requirement nobody serves, a recommendations service nobody asked for
  // (a new included file), reached over plain http with personal data; api scaled up.
  git(repo, 'checkout', '-q', '-b', 'feature');
  write(join(repo, 'design/archwright.yaml'), { ...entry(['R1', 'R2']), components: [{ ...entry([]).components[0], instances: { min: 2, max: 8 } }] });
  write(join(repo, 'design/services/recs.yaml'), {
    zones: [{ id: 'analytics', trust: 'internal' }],
    components: [{ id: 'recs', kind: 'service', zone: 'analytics', uses: ['profile'] }],
    links: [{ from: 'api', to: 'recs', protocol: 'http', carries: ['profile'] }],
  });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v2');
  // A branch whose design does not parse.
  git(repo, 'checkout', '-q', '-b', 'broken');
  writeFileSync(join(repo, 'design/archwright.yaml'), 'archwright: 1\nsystem: [unclosed\n');
  git(repo, 'commit', '-q', '-am', 'broken');
  git(repo, 'checkout', '-q', 'feature');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('archwright diff with git revisions', () => {
  it('reads a bare revision at the other argument\'s path, includes and globs included', () => {
    const diff = diffJson(['main', 'design/archwright.yaml']);
    expect(diff.old.file).toBe('main:design/archwright.yaml');
    expect(diff.new.file).toBe('design/archwright.yaml');
    expect(diff.elements.added.map((e: { id: string }) => e.id)).toEqual(['R2', 'analytics', 'recs', 'api->recs']);
    expect(diff.elements.changed.map((e: { id: string; fields: unknown[] }) => [e.id, e.fields]))
      .toEqual([['api', [{ path: 'instances.max', before: 4, after: 8 }]]]);
    expect(diff.requirements.added.map((r: { id: string }) => r.id)).toEqual(['R2']);
    expect(diff.scopeCreep.map((c: { kind: string; id: string }) => `${c.kind} ${c.id}`)).toEqual(['component recs']);
    expect(diff.risk.new.map((f: { id: string }) => f.id)).toContain('requirements/unserved-requirement@R2');
  });

  it('gives the same diff for HEAD~1 / HEAD, REV:PATH and REV:./PATH, from the top or a subfolder', () => {
    const reference = diffJson(['main', 'design/archwright.yaml']);
    // Paths in findings are relative to where the command ran; compare what was found.
    type Listed = string | { id: string } | { finding: { id: string } };
    const idOf = (f: Listed) => (typeof f === 'string' ? f : 'finding' in f ? f.finding.id : f.id);
    const strip = (d: { risk: Record<string, Listed[]> }) => ({
      ...d, old: undefined, new: undefined,
      risk: Object.fromEntries(Object.entries(d.risk).map(([k, list]) => [k, list.map(idOf)])),
    });
    const variants = [
      diffJson(['HEAD~1', 'HEAD'], join(repo, 'design')),
      diffJson(['main:design/archwright.yaml', 'HEAD:design/archwright.yaml']),
      diffJson(['main:./archwright.yaml', 'archwright.yaml'], join(repo, 'design')),
    ];
    expect(variants[0].old.file).toBe('HEAD~1:design/archwright.yaml');
    expect(variants[0].new.file).toBe('HEAD:design/archwright.yaml');
    for (const v of variants) expect(strip(v)).toEqual(strip(reference));
  });

  it('names files of the old revision as REV:PATH in resolved findings', () => {
    const reverse = diffJson(['HEAD', 'main'], join(repo, 'design'));
    const resolved = reverse.risk.resolved.map((r: { finding: { location?: { file: string } } }) => r.finding.location?.file);
    expect(resolved.length).toBeGreaterThan(0);
    for (const file of resolved) expect(file).toMatch(/^HEAD:design\//);
  });

  it('loads the old version in a worker thread and gets the same answer', () => {
    const inline = run(['diff', 'main', 'design/archwright.yaml', '--format', 'json', '--threads', '1', '--today', '2026-11-24'], { cwd: repo });
    const threaded = run(['diff', 'main', 'design/archwright.yaml', '--format', 'json', '--threads', '2', '--today', '2026-11-24'], { cwd: repo });
    expect(threaded.code).toBe(0);
    expect(threaded.stdout).toBe(inline.stdout);
  });
});

describe('archwright diff gates and exit codes', () => {
  const gate = (...gates: string[]) => run(['diff', 'main', 'design/archwright.yaml', ...gates.flatMap((g) => ['--fail-on', g])], { cwd: repo });

  it('exits 1 when a gate trips and says which', () => {
    const creep = gate('scope-creep');
    expect(creep.code).toBe(1);
    expect(creep.stdout).toContain('--fail-on scope-creep: 1 scope creep item');
    // recs gets personal data over plain http: a new error finding.
    expect(gate('new-errors').code).toBe(1);
    expect(gate('breaking,scope-creep').code).toBe(1);
  });

  it('exits 0 when no gate trips', () => {
    expect(gate('breaking').code).toBe(0);
    // Going back removes recs: that is not scope creep, and adds no error.
    const back = run(['diff', 'HEAD', 'main', '--fail-on', 'scope-creep,new-errors'], { cwd: join(repo, 'design') });
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
  });

  it.each([
    [['nope', 'design/archwright.yaml'], '"nope" is neither a file nor a git revision'],
    [['nope:design/archwright.yaml', 'design/archwright.yaml'], 'unknown git revision "nope"'],
    [['main:design/missing.yaml', 'design/archwright.yaml'], 'main:design/missing.yaml does not exist'],
    [['main', 'design/archwright.yaml', '--fail-on', 'everything'], '--fail-on everything: expected one of new-errors, breaking, scope-creep'],
    [['broken', 'design/archwright.yaml'], 'broken:design/archwright.yaml:3:1'],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const r = run(['diff', ...args], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a revision outside a git repository', () => {
    write(join(outside, 'archwright.yaml'), entry(['R1']));
    const r = run(['diff', 'main', 'archwright.yaml'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('archwright diff output in a pipe', () => {
  it.each(['stylish', 'markdown', 'json'])('prints no colour codes as %s', (format) => {
    const r = run(['diff', 'main', 'design/archwright.yaml', '--format', format], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('prints colour when forced, so the check above can fail', () => {
    const r = run(['diff', 'main', 'design/archwright.yaml'], { cwd: repo, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(ANSI);
  });
});
