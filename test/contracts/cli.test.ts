/** `archwright contracts old new`, end to end: formats, exit codes 0/1/2, located errors, no colour off a TTY. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, hasStackTrace, run, tempDir } from '../cli/run.js';

const V1 = `openapi: 3.0.3
info: { title: Users, version: '1' }
paths:
  /users/{id}:
    get:
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
                  id: { type: string }
                  status: { type: string, enum: [active, suspended] }
  /users:
    post:
      responses: { '201': { description: created } }
`;
const ADDED_ENUM = V1.replace('enum: [active, suspended]', 'enum: [active, suspended, deleted]');
const REMOVED_OP = V1.replace("  /users:\n    post:\n      responses: { '201': { description: created } }\n", '');

const dir = tempDir({ 'v1.yaml': V1, 'enum.yaml': ADDED_ENUM, 'removed.yaml': REMOVED_OP, 'broken.yaml': 'openapi: 3.0.3\npaths:\n  /a: [\n', 'other.yaml': 'asyncapi: 3.0.0\n' });
afterAll(() => cleanup(dir));

describe('archwright contracts', () => {
  it('exits 1 on a breaking change, naming it with its place in the contract', () => {
    const r = run(['contracts', 'v1.yaml', 'removed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('v1.yaml:17:5');
    expect(r.stdout).toMatch(/breaking\s+POST \/users was removed/);
    expect(r.stdout).toContain('openapi/operation-removed');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 0 when nothing breaks, unless --fail-on warning', () => {
    expect(run(['contracts', 'v1.yaml', 'enum.yaml'], { cwd: dir }).code).toBe(0);
    const strict = run(['contracts', 'v1.yaml', 'enum.yaml', '--fail-on', 'warning'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('openapi/enum-value-added');
  });

  it('prints JSON and Markdown', () => {
    const json = JSON.parse(run(['contracts', 'v1.yaml', 'removed.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json).toMatchObject({ kind: 'openapi', summary: { breaking: 1 }, changes: [{ id: 'openapi/operation-removed', operations: ['POST /users'], location: { file: 'v1.yaml', line: 17 } }] });
    const md = run(['contracts', 'v1.yaml', 'removed.yaml', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toMatch(/^### Contract changes: `removed\.yaml`/);
    expect(md).toContain('| 🔴 breaking | POST /users was removed');
  });

  it('reads either side from a git revision', () => {
    const repo = tempDir({ 'api.yaml': V1 });
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '-q');
      git('add', 'api.yaml');
      git('commit', '-q', '-m', 'v1');
      writeFileSync(join(repo, 'api.yaml'), REMOVED_OP);
      const r = run(['contracts', 'HEAD:api.yaml', 'api.yaml', '--format', 'json'], { cwd: repo });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).changes[0]).toMatchObject({ id: 'openapi/operation-removed', location: { file: 'HEAD:api.yaml', line: 17 } });
    } finally {
      cleanup(repo);
    }
  });

  it.each([
    ['a syntax error', ['v1.yaml', 'broken.yaml'], /^error broken\.yaml:4:1: YAML syntax error/],
    ['a missing file', ['v1.yaml', 'nope.yaml'], /^error: "nope\.yaml" is not a file/],
    ['two formats', ['v1.yaml', 'other.yaml'], /^error other\.yaml:1:1: v1\.yaml is OpenAPI but other\.yaml is AsyncAPI/],
  ])('exits 2 on %s, with a located message and no stack trace', (_name, args, message) => {
    const r = run(['contracts', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
