/**
 * Builds dist/ once before the suite, so CLI tests can spawn `node bin/archwright.js`.
 * Skips the build when the bundled CLI is newer than every file under src/ and scripts/.
 * A failed build fails the CLI tests (through `inject('cliBuildError')` in test/cli/run.ts),
 * not the unit tests that never spawn the CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why dist/ could not be built; empty when it was. */
    cliBuildError: string;
  }
}

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const BUNDLE = join(root, 'dist', 'bundle', 'cli.cjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const mtimeOf = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function node(args: string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe', env });
    return undefined;
  } catch (err) {
    const out = err as { stdout?: Buffer; stderr?: Buffer; message?: string };
    return `${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}` || String(out.message);
  }
}

function build(): string {
  const started = Date.now() - 1000;
  const tscReport = node([join(root, 'scripts', 'compile.js')]);
  // the compiler still emits JavaScript when types are wrong; the typecheck step reports those.
  if (tscReport !== undefined && mtimeOf(join(root, 'dist', 'cli', 'main.js')) < started) return `node scripts/compile.js failed:\n${tscReport}`;
  if (tscReport !== undefined) process.stderr.write(`global setup: dist/ built with type errors (npm run typecheck shows them)\n`);
  // bin/archwright.js runs the bundled CLI (scripts/bundle.js), so build that too.
  const bundleReport = node([join(root, 'scripts', 'bundle.js')]);
  return bundleReport === undefined ? '' : `node scripts/bundle.js failed:\n${bundleReport}`;
}

/** The viewer's browser tests serve the built web app (web/dist). */
function buildWeb(): void {
  const built = mtimeOf(join(root, 'web', 'dist', 'index.html'));
  if (built >= newestMtime(join(root, 'web', 'src')) && built >= newestMtime(join(root, 'src'))) return;
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development build
  const report = node([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'], { ...process.env, NODE_ENV: 'production' });
  if (report !== undefined) process.stderr.write(`global setup: the viewer could not be built; viewer tests will fail.\n${report}\n`);
}

export default function setup(project: TestProject): void {
  buildWeb();
  const fresh = mtimeOf(BUNDLE) >= Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'scripts')));
  const error = fresh ? '' : build();
  if (error) process.stderr.write(`global setup: the CLI could not be built; CLI tests will fail.\n${error}\n`);
  project.provide('cliBuildError', error);
}
