import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../src/history/index.js';
import { allRules } from '../../src/rules/index.js';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import { designOf } from '../helpers.js';

const requirement = (id: string) => ({ id, kind: 'function', text: `Requirement ${id}.` });
const today = new Date('2026-11-24T00:00:00Z');

/** A design whose `served` requirements have a component; the others are findings of unserved-requirement. */
const designWith = (requirements: string[], served: string[], extra: Record<string, unknown> = {}) => designOf({
  requirements: requirements.map(requirement),
  components: [{ id: 'api', kind: 'service', serves: served }],
  ...extra,
});

const riskOf = (before: ReturnType<typeof designWith>, after: ReturnType<typeof designWith>) =>
  diffDesigns(before, after, { rules: [unservedRequirement], capacity: false, review: { today } }).risk;

describe('diffDesigns: risk delta', () => {
  it('keys findings by rule@element and splits them into new, resolved and still open', () => {
    // before: R2 and R3 unserved; after: R3 and R4 unserved, R2 served.
    const risk = riskOf(designWith(['R1', 'R2', 'R3'], ['R1']), designWith(['R1', 'R2', 'R3', 'R4'], ['R1', 'R2']));
    expect(risk.new.map((f) => f.id)).toEqual(['requirements/unserved-requirement@R4']);
    expect(risk.resolved.map((r) => [r.finding.id, r.how])).toEqual([['requirements/unserved-requirement@R2', 'fixed']]);
    expect(risk.stillOpen.map((f) => f.id)).toEqual(['requirements/unserved-requirement@R3']);
  });

  it('tells a fix from the removal of the element', () => {
    const risk = riskOf(designWith(['R1', 'R2'], ['R1']), designWith(['R1'], ['R1']));
    expect(risk.resolved.map((r) => r.how)).toEqual(['element-removed']);
  });

  it('counts a finding accepted in risks: as resolved by acceptance, not as still open', () => {
    const accepted = {
      risks: [{ finding: 'requirements/unserved-requirement@R2', status: 'accepted', by: 'lead', why: 'Next quarter.', until: '2027-06-30' }],
    };
    const risk = riskOf(designWith(['R1', 'R2'], ['R1']), designWith(['R1', 'R2'], ['R1'], accepted));
    expect(risk.resolved.map((r) => [r.finding.id, r.how])).toEqual([['requirements/unserved-requirement@R2', 'accepted']]);
    expect(risk.stillOpen).toEqual([]);
  });

  it('reviews both versions with every shipped rule by default', () => {
    const before = designWith(['R1', 'R2'], ['R1']);
    const after = designWith(['R1'], ['R1']);
    const diff = diffDesigns(before, after, { capacity: false, review: { today } });
    const all = [...diff.risk.new, ...diff.risk.stillOpen, ...diff.risk.resolved.map((r) => r.finding)];
    expect(all.length).toBeGreaterThan(1);
    const ruleIds = new Set(allRules.map((r) => r.id));
    for (const f of all) {
      expect(ruleIds.has(f.rule)).toBe(true);
      expect(f.id.startsWith(`${f.rule}@${f.subject.id}`)).toBe(true);
    }
    expect(diff.risk.resolved.map((r) => r.finding.id)).toContain('requirements/unserved-requirement@R2');
  });
});
