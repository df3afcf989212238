/**
 * Findings new, resolved and still open between two reviews, matched by
 * finding id (rule@element[#detail]), which survives edits that move lines.
 */
import { SEVERITY_RANK, type Finding } from '../rules/types.js';
import type { Resolution, RiskDelta } from './types.js';

/** `stillPresent` tells whether an element id exists in the new design (to tell a fix from a removal). */
export function diffFindings(before: readonly Finding[], after: readonly Finding[], stillPresent: (id: string) => boolean): RiskDelta {
  const oldById = new Map(before.map((f) => [f.id, f]));
  const newById = new Map(after.map((f) => [f.id, f]));
  const delta: RiskDelta = { new: [], resolved: [], stillOpen: [] };
  for (const f of after) {
    if (f.status !== 'open') continue;
    if (oldById.get(f.id)?.status === 'open') delta.stillOpen.push(f);
    else delta.new.push(f);
  }
  for (const f of before) {
    if (f.status !== 'open') continue;
    const now = newById.get(f.id);
    if (now?.status === 'open') continue;
    const how: Resolution = now ? now.status as Resolution : stillPresent(f.subject.id) ? 'fixed' : 'element-removed';
    delta.resolved.push({ finding: f, how });
  }
  const bySeverity = (a: Finding, b: Finding) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  delta.new.sort(bySeverity);
  delta.stillOpen.sort(bySeverity);
  delta.resolved.sort((a, b) => bySeverity(a.finding, b.finding));
  return delta;
}
