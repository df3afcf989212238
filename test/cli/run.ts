/** Spawns the built CLI (`node bin/archwright.js`) and collects what it printed and its exit code. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const BIN = join(ROOT, 'bin', 'archwright.js');
export const EXAMPLE = join(ROOT, 'examples', 'bot-platform', 'archwright.yaml');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  cwd?: string;
  /** Added to a clean environment: no colour forcing, no CI variables inherited. */
  env?: Record<string, string | undefined>;
  input?: string;
}

export function run(args: string[], options: RunOptions = {}): RunResult {
  const buildError = inject('cliBuildError');
  if (buildError) throw new Error(`the CLI was not built (test/global-setup.ts):\n${buildError}`);
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'GITHUB_ACTIONS']) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Fails loudly with the output when a user error leaked a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /internal error/.test(text);
}

/** A fresh folder holding the given files (paths may contain folders); removed by the caller with `cleanup`. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'archwright-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `check --format json`, parsed, with the exit code. */
export function checkJson(args: string[], options: RunOptions = {}) {
  const result = run(['check', ...args, '--format', 'json'], options);
  if (result.code === 2) throw new Error(`check failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    summary: { error: number; warning: number; info: number; tracked: number };
    rulesRun: number;
    findings: { id: string; rule: string; severity: string; status: string; statusNote?: string; message: string }[];
  };
  return { ...report, code: result.code };
}
