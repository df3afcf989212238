/** bin/load-cli.js: the CLI runs with the code V8 compiled at build time, and without it when that code is not the bundle's. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanup, ROOT, tempDir } from './run.js';

const BUILT = join(ROOT, 'dist', 'bundle');
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

/** Loads a bundle with a cache in a fresh Node: whether V8 took the cache, and what `--version` printed. */
function start(bundle: string, cache: string): { cacheUsed: boolean; printed: string } {
  expect(inject('cliBuildError')).toBe('');
  const script = [
    `import { loadCli } from ${JSON.stringify(pathToFileURL(join(ROOT, 'bin', 'load-cli.js')).href)};`,
    `const cli = loadCli({ bundle: ${JSON.stringify(bundle)}, cache: ${JSON.stringify(cache)} });`,
    'console.log(cli.cacheUsed);',
    "await cli.main(['node', 'archwright', '--version']);",
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const [used, printed] = result.stdout.trim().split('\n');
  return { cacheUsed: used === 'true', printed };
}

/** A copy of the built bundle and its cache, the cache written `cacheAge` seconds after the bundle. */
function copyOfBuild(cacheAge: number): { bundle: string; cache: string } {
  const dir = tempDir({});
  dirs.push(dir);
  const bundle = join(dir, 'cli.cjs');
  const cache = join(dir, 'cli.cache');
  copyFileSync(join(BUILT, 'cli.cjs'), bundle);
  copyFileSync(join(BUILT, 'cli.cache'), cache);
  const now = Date.now() / 1000;
  utimesSync(bundle, now, now);
  utimesSync(cache, now + cacheAge, now + cacheAge);
  return { bundle, cache };
}

describe('the CLI with its code cache', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('starts from the cache the build wrote', () => {
    const started = start(join(BUILT, 'cli.cjs'), join(BUILT, 'cli.cache'));
    expect(started).toEqual({ cacheUsed: true, printed: version });
  });

  it('compiles the bundle instead when the cache is older than the bundle', () => {
    const { bundle, cache } = copyOfBuild(-60);
    expect(start(bundle, cache)).toEqual({ cacheUsed: false, printed: version });
    expect(start(bundle, `${cache}.missing`)).toEqual({ cacheUsed: false, printed: version });
  });

  it('compiles the bundle instead when the cache was made for another bundle (V8 rejects it)', () => {
    const { bundle, cache } = copyOfBuild(60);
    appendFileSync(bundle, '\n// another build\n');
    expect(start(bundle, cache)).toEqual({ cacheUsed: false, printed: version });
  });
});
