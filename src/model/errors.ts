/** Problems with a design the user can fix; never thrown past the loader. */

export interface SourceLocation {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
}

export type DesignErrorCode =
  | 'io' | 'empty' | 'binary' | 'too-large' | 'syntax' | 'alias-bomb'
  | 'schema' | 'unit' | 'unknown-id' | 'duplicate-id' | 'include-cycle' | 'include-missing'
  | 'contract-missing';

export interface DesignError {
  code: DesignErrorCode;
  message: string;
  location: SourceLocation;
  /** Path inside the file's document, e.g. components[3].serviceTime. */
  path?: string;
  hint?: string;
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

export function formatDesignError(error: DesignError): string {
  const where = formatLocation(error.location);
  const hint = error.hint ? ` (${error.hint})` : '';
  return `${where}: ${error.message}${hint}`;
}

/** The known name nearest to `name`, when it is near enough to be a likely typo. */
export function suggestNearest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const candidate of known) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance, giving up (returning limit+1) once it exceeds limit. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (curr[j] < rowMin) rowMin = curr[j];
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}
