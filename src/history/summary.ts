/** The counts a reader sees first, shared by every output format. */
import { breakingChanges } from './gates.js';
import type { DesignDiff } from './types.js';

export interface DiffSummary {
  findings: { new: number; newErrors: number; newWarnings: number; resolved: number; stillOpen: number };
  scopeCreep: number;
  requirements: { added: number; dropped: number };
  elements: { added: number; removed: number; changed: number };
  contracts: { changed: number; breaking: number };
}

export function summariseDiff(diff: DesignDiff): DiffSummary {
  return {
    findings: {
      new: diff.risk.new.length,
      newErrors: diff.risk.new.filter((f) => f.severity === 'error').length,
      newWarnings: diff.risk.new.filter((f) => f.severity === 'warning').length,
      resolved: diff.risk.resolved.length,
      stillOpen: diff.risk.stillOpen.length,
    },
    scopeCreep: diff.scopeCreep.length,
    requirements: { added: diff.requirements.added.length, dropped: diff.requirements.dropped.length },
    elements: { added: diff.elements.added.length, removed: diff.elements.removed.length, changed: diff.elements.changed.length },
    contracts: { changed: diff.contracts.length, breaking: breakingChanges(diff) },
  };
}

/** True when the two versions are the same as far as a reviewer is concerned. */
export function isEmptyDiff(diff: DesignDiff): boolean {
  const s = summariseDiff(diff);
  return s.elements.added + s.elements.removed + s.elements.changed + s.findings.new + s.findings.resolved + s.contracts.changed === 0;
}
