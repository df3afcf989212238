/** CI gates on a diff: `--fail-on new-errors,breaking,scope-creep`. */
import type { DesignDiff } from './types.js';

export const GATES = ['new-errors', 'breaking', 'scope-creep'] as const;
export type Gate = (typeof GATES)[number];

/** Why each gate trips, for the gates that do. */
export function trippedGates(diff: DesignDiff, gates: readonly Gate[]): { gate: Gate; reason: string }[] {
  const out: { gate: Gate; reason: string }[] = [];
  for (const gate of gates) {
    const count = countFor(diff, gate);
    if (count > 0) out.push({ gate, reason: `${count} ${REASON[gate]}${count === 1 ? '' : 's'}` });
  }
  return out;
}

const REASON: Record<Gate, string> = {
  'new-errors': 'new error finding',
  breaking: 'breaking contract change',
  'scope-creep': 'scope creep item',
};

function countFor(diff: DesignDiff, gate: Gate): number {
  switch (gate) {
    case 'new-errors':
      return diff.risk.new.filter((f) => f.severity === 'error').length;
    case 'breaking':
      return breakingChanges(diff);
    case 'scope-creep':
      return diff.scopeCreep.length;
  }
}

export function breakingChanges(diff: DesignDiff): number {
  let n = 0;
  for (const c of diff.contracts) for (const change of c.changes ?? []) if (change.severity === 'breaking') n++;
  return n;
}
