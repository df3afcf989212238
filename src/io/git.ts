/**
 * The few git plumbing calls `diff` needs. Every call passes its arguments as an
 * array to execFileSync (no shell), and a revision reaches git only after
 * `rev-parse --verify` turned it into a commit id.
 */
import { execFileSync } from 'node:child_process';

export class GitError extends Error {}

const MAX_OUTPUT = 1 << 30;

function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_OUTPUT });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (e.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    const detail = e.stderr?.toString().trim().replace(/^fatal: /, '') || e.message;
    throw new GitError(detail);
  }
}

/** The working folder's path inside its repository (`''` at the top, `docs/` below it); undefined outside a repository. */
export function repositoryPrefix(cwd: string): string | undefined {
  try {
    return git(['rev-parse', '--show-prefix'], cwd).toString().trim();
  } catch (err) {
    if (err instanceof GitError && /not a git repository/i.test(err.message)) return undefined;
    throw err;
  }
}

/** The commit a revision names (`main`, `HEAD~3`, `origin/main`, a sha), or undefined when it names none. */
export function resolveCommit(revision: string, cwd: string): string | undefined {
  if (revision === '' || revision.startsWith('-')) return undefined;
  try {
    const out = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd).toString().trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** Every file in the commit's tree, as paths from the repository's top. */
export function listFiles(commit: string, cwd: string): string[] {
  const out = git(['ls-tree', '-r', '--full-tree', '--name-only', '-z', commit], cwd).toString();
  return out.split('\0').filter((p) => p !== '');
}

/** A file's bytes at a commit (`git show COMMIT:PATH`, the path from the repository's top). */
export function showFile(commit: string, path: string, cwd: string): Buffer {
  return git(['show', '--no-textconv', `${commit}:${path}`], cwd);
}

/** A file's size in bytes at a commit (`git cat-file -s`). */
export function fileSize(commit: string, path: string, cwd: string): number {
  return Number(git(['cat-file', '-s', `${commit}:${path}`], cwd).toString().trim());
}
