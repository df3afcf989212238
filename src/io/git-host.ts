/**
 * A DesignHost that reads a design as it was at a commit, so the loader (and
 * its includes and globs) works on a revision exactly as on the working tree.
 * Paths are the loader's: relative to the working folder, like the files on
 * disk; they become repository paths only when asked of git.
 */
import { isAbsolute, posix, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { DesignHost } from '../model/load.js';
import { listFiles, showFile } from './git.js';

export interface GitHost extends DesignHost {
  commit: string;
  /** Whether the path (relative to the working folder) exists at the commit. */
  exists(path: string): boolean;
  /** The path as git names it: from the repository's top. */
  repositoryPath(path: string): string | undefined;
  /** The path relative to the working folder, for a path from the repository's top. */
  workingPath(repositoryPath: string): string;
}

/**
 * @param commit a commit id (already verified)
 * @param cwd the working folder
 * @param prefix the working folder's path inside the repository (`git rev-parse --show-prefix`)
 */
export function gitHost(commit: string, cwd: string, prefix: string): GitHost {
  const prefixDir = prefix.replace(/\/$/, '');
  const top = resolve(cwd, prefixDir === '' ? '.' : prefixDir.split('/').map(() => '..').join('/'));
  let files: Set<string> | undefined;
  const tree = () => (files ??= new Set(listFiles(commit, cwd)));

  const repositoryPath = (path: string): string | undefined => {
    const inRepo = isAbsolute(path)
      ? relative(top, path).split('\\').join('/')
      : posix.normalize(prefixDir === '' ? path : `${prefixDir}/${path}`);
    if (inRepo === '..' || inRepo.startsWith('../') || isAbsolute(inRepo)) return undefined;
    return inRepo.replace(/^\.\//, '');
  };
  const workingPath = (inRepo: string) => posix.relative(prefixDir, inRepo) || '.';
  const exists = (path: string) => {
    const p = repositoryPath(path);
    return p !== undefined && tree().has(p);
  };

  return {
    commit,
    exists,
    repositoryPath,
    workingPath,
    readFile(path) {
      const p = repositoryPath(path);
      if (p === undefined || !tree().has(p)) return undefined;
      return showFile(commit, p, cwd);
    },
    glob(patterns, dir) {
      const matchers = patterns
        .map((pattern) => repositoryPath(posix.join(dir, pattern)))
        .filter((p): p is string => p !== undefined)
        .map((p) => picomatch(p));
      const out: string[] = [];
      for (const file of tree()) if (matchers.some((m) => m(file))) out.push(workingPath(file));
      return out;
    },
  };
}
