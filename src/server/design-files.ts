/**
 * The files a design consists of, read once on the server and handed to the
 * browser, which runs the same loader over them with an in-memory host.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadDesign, type DesignHost } from '../model/load.js';
import { nodeHost } from '../io/node-host.js';

export interface DesignSnapshot {
  /** The entry file, relative to the design folder. */
  entry: string;
  /** Every file the loader read, by path relative to the design folder. */
  files: Record<string, string>;
  /** The loader's glob calls and what they matched, keyed by `cwd\0pattern`. */
  globs: Record<string, string[]>;
  /** Absolute paths, for watching. */
  watched: string[];
}

/** Reads the design the way the CLI does, recording every file and glob it needed. */
export function snapshotDesign(entryPath: string): DesignSnapshot {
  const root = dirname(resolve(entryPath));
  const rel = (p: string) => relative(root, resolve(p)).split(sep).join('/');
  const files: Record<string, string> = {};
  const globs: Record<string, string[]> = {};
  const watched = new Set<string>([resolve(entryPath)]);
  const host: DesignHost = {
    readFile(path) {
      watched.add(resolve(path));
      const bytes = nodeHost.readFile(path);
      if (bytes !== undefined) files[rel(path)] = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
      return bytes;
    },
    glob(patterns, cwd) {
      const found = nodeHost.glob(patterns, cwd);
      for (const pattern of patterns) globs[`${rel(cwd)}\u0000${pattern}`] = found.map(rel);
      watched.add(resolve(cwd));
      return found;
    },
  };
  loadDesign(relative(process.cwd(), resolve(entryPath)) || entryPath, host);
  return { entry: rel(entryPath), files, globs, watched: [...watched] };
}

/** A design file by its path relative to the design folder, only if it is one of the design's own files. */
export function readDesignFile(snapshot: DesignSnapshot, root: string, requested: string): string | undefined {
  const target = resolve(root, requested);
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  const key = relative(root, target).split(sep).join('/');
  if (!(key in snapshot.files)) return undefined;
  return readFileSync(target, 'utf8');
}
