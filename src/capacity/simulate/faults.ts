/**
 * Faults to inject, as written on the command line:
 *   fail  `user-service@60s`          one instance goes away at 60 s for the rest of the run
 *         `user-service@60s..90s`     … and comes back at 90 s
 *         `user-service`              … from the start
 *   slow  `users-db=3x@30s..90s`      service times three times longer between 30 s and 90 s
 * Repeat a fail to take several instances away.
 */
import { suggestNearest } from '../../model/errors.js';
import { parseDuration } from '../../model/units.js';

export type Fault =
  | { kind: 'fail'; component: string; from: number; to?: number }
  | { kind: 'slow'; component: string; factor: number; from: number; to?: number };

export interface FaultSpecError {
  /** The text as the user wrote it. */
  text: string;
  message: string;
  /** The nearest known component id, for a name that is not one. */
  nearest?: string;
}

const WINDOW = /^(.*?)(?:@([^@]*))?$/;

export function parseFaultSpecs(
  specs: { fail?: readonly string[]; slow?: readonly string[] },
  componentIds: readonly string[],
): { faults: Fault[]; errors: FaultSpecError[] } {
  const faults: Fault[] = [];
  const errors: FaultSpecError[] = [];
  for (const text of specs.fail ?? []) {
    const parsed = parseOne(text, 'fail', componentIds);
    if ('message' in parsed) errors.push(parsed);
    else faults.push({ kind: 'fail', component: parsed.component, from: parsed.from, to: parsed.to });
  }
  for (const text of specs.slow ?? []) {
    const parsed = parseOne(text, 'slow', componentIds);
    if ('message' in parsed) errors.push(parsed);
    else faults.push({ kind: 'slow', component: parsed.component, factor: parsed.factor, from: parsed.from, to: parsed.to });
  }
  return { faults, errors };
}

interface Parsed {
  component: string;
  factor: number;
  from: number;
  to?: number;
}

function parseOne(text: string, kind: 'fail' | 'slow', componentIds: readonly string[]): Parsed | FaultSpecError {
  const example = kind === 'fail' ? 'user-service@60s or user-service@60s..90s' : 'users-db=3x@30s..90s';
  const bad = (message: string, nearest?: string): FaultSpecError => ({ text, message, nearest });
  const [, head, window] = WINDOW.exec(text.trim())!;
  let component = head.trim();
  let factor = 1;
  if (kind === 'slow') {
    const m = /^(.+?)=\s*(\d+(?:\.\d+)?)\s*x$/i.exec(component);
    if (!m) return bad(`expected component=FACTORx, e.g. ${example}`);
    component = m[1].trim();
    factor = Number(m[2]);
    if (!(factor > 0)) return bad('the slow-down factor must be above 0');
  }
  if (component === '') return bad(`no component named; expected e.g. ${example}`);
  if (!componentIds.includes(component)) {
    const nearest = suggestNearest(component, componentIds);
    return bad(`unknown component "${component}"`, nearest);
  }
  let from = 0;
  let to: number | undefined;
  if (window !== undefined) {
    const [start, end, extra] = window.split('..');
    if (extra !== undefined) return bad(`expected one window FROM..TO, e.g. ${example}`);
    const fromSeconds = parseDuration(start ?? '');
    if (fromSeconds === undefined) return bad(`"${start}" is not a time; expected e.g. ${example}`);
    from = fromSeconds;
    if (end !== undefined) {
      const toSeconds = parseDuration(end);
      if (toSeconds === undefined) return bad(`"${end}" is not a time; expected e.g. ${example}`);
      if (toSeconds <= fromSeconds) return bad(`the window ends (${end}) before it starts (${start})`);
      to = toSeconds;
    }
  }
  return { component, factor, from, to };
}
