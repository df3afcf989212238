import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

describe('npx archwright', () => {
  it('runs this package\'s own bin from the project folder, without installing anything', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // yes=false: never download; the project's own "bin" is what must answer.
    const result = spawnSync('npx', ['archwright', '--version'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_yes: 'false' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});
