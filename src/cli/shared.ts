/** What every command shares: loading a design or exiting 2 with located errors, colour, exit codes. */
import pc from 'picocolors';
import type { Design } from '../model/design.js';
import { formatDesignError, type DesignError } from '../model/errors.js';
import { loadPlainDesign, type LoadResult } from '../model/load-core.js';
import { nodeHost, toDesignPath } from '../io/node-host.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A user mistake: printed without a stack trace, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly errors: DesignError[] = []) {
    super(message);
  }
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && pc.isColorSupported;
}

/** Loads a design or throws its located errors; zod is loaded only when a document needs its worded errors. */
export async function loadOrFail(path: string): Promise<{ design: Design; result: LoadResult }> {
  const file = toDesignPath(path);
  const result = loadPlainDesign(file, nodeHost) ?? (await import('../model/load.js')).loadDesign(file, nodeHost);
  if (result.errors.length > 0 || !result.design) throw new UsageError(`cannot load ${path}`, result.errors);
  return { design: result.design, result };
}

export function printErrors(errors: readonly DesignError[]): void {
  const c = pc.createColors(useColor(process.stderr));
  const shown = errors.slice(0, 50);
  for (const e of shown) process.stderr.write(`${c.red('error')} ${formatDesignError(e)}\n`);
  if (errors.length > shown.length) process.stderr.write(`… and ${errors.length - shown.length} more errors\n`);
}
