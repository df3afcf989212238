/**
 * Builds dist/ once before the suite, so CLI tests can spawn `node bin/archwright.js`.
 * Skips the build when the bundled CLI is newer than every file under src/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function distIsFresh(): boolean {
  const marker = join(root, 'dist', 'bundle', 'main.js');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= newestMtime(join(root, 'src'));
}

export default function setup(): void {
  if (distIsFresh()) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = Date.now() - 1000;
  const emitted = () => statSync(join(root, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    const out = err as { stdout?: Buffer; stderr?: Buffer };
    const report = `${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`;
    // tsc still emits JavaScript when types are wrong; the typecheck step reports those.
    if (emitted() < started) throw new Error(`building dist/ for the CLI tests failed:\n${report}`);
    process.stderr.write(`global setup: dist/ built with type errors (npm run typecheck shows them):\n${report}`);
  }
  // bin/archwright.js runs the bundled CLI (scripts/bundle.js), so build that too.
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'pipe' });
}
