/** The file reader the CLI hands to the pure loader, and atomic writes that never clobber a user's file. */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { DesignHost } from '../model/load.js';

export const nodeHost: DesignHost = {
  readFile(path) {
    if (!existsSync(path)) return undefined;
    const stat = statSync(path);
    if (stat.isDirectory()) throw new Error('is a folder, not a file');
    const bytes = readFileSync(path);
    // Text as the loader would decode it, but by Node's own UTF-8 decoder (a few ms less on a large
    // design); anything the loader must judge (binary, not UTF-8) goes to it as bytes.
    return isUtf8(bytes) && !bytes.subarray(0, 8192).includes(0) ? bytes.toString('utf8') : bytes;
  },
  glob(patterns, cwd) {
    return globSync(patterns, { cwd, onlyFiles: true }).map((p) => toDesignPath(join(cwd, p)));
  },
};

/** Paths in a design are shown relative to the working folder, with forward slashes. */
export function toDesignPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return (rel.startsWith('..') ? resolve(path) : rel || '.').split('\\').join('/');
}

export class FileExistsError extends Error {}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string, { force = false } = {}): void {
  if (!force && existsSync(path)) throw new FileExistsError(`${path} already exists: pass --force to overwrite it`);
  const tmp = join(dirname(path), `.${Date.now()}-${process.pid}.archwright.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
