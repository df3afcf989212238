import { describe, expect, it } from 'vitest';
import { diffDesigns, diffFormatters, summariseDiff, trippedGates, type DesignDiff } from '../../src/history/index.js';
import { MARKDOWN_MARKER } from '../../src/history/format/markdown.js';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import { designOf } from '../helpers.js';

const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const today = new Date('2026-11-24T00:00:00Z');

function sampleDiff(): DesignDiff {
  const before = designOf({
    requirements: [{ id: 'R1', kind: 'function', text: 'Route.' }, { id: 'R2', kind: 'function', text: 'Keep.' }],
    components: [{ id: 'api', kind: 'service', serves: ['R1'], instances: { min: 1, max: 2 } }],
  });
  const after = designOf({
    requirements: [
      { id: 'R1', kind: 'function', text: 'Route.' },
      { id: 'R2', kind: 'function', text: 'Keep.' },
      { id: 'R3', kind: 'function', text: 'Export <script>alert(1)</script> | stats.' },
    ],
    components: [
      { id: 'api', kind: 'service', serves: ['R1', 'R2'], instances: { min: 1, max: 8 } },
      { id: 'recs', kind: 'service', description: 'Recommends *things*.' },
    ],
  });
  return diffDesigns(before, after, { rules: [unservedRequirement], capacity: false, review: { today } });
}

describe('diff formats', () => {
  const diff = sampleDiff();

  it('JSON carries the summary and every part, still-open findings by id', () => {
    const out = JSON.parse(diffFormatters.json({ diff }));
    expect(out.summary).toEqual(summariseDiff(diff));
    expect(out.summary.elements).toEqual({ added: 2, removed: 0, changed: 1 });
    expect(out.risk.new.map((f: { id: string }) => f.id)).toEqual(['requirements/unserved-requirement@R3']);
    expect(out.risk.resolved.map((r: { finding: { id: string }; how: string }) => [r.finding.id, r.how]))
      .toEqual([['requirements/unserved-requirement@R2', 'fixed']]);
    expect(out.scopeCreep.map((c: { id: string }) => c.id)).toEqual(['recs']);
    expect(out.failedGates).toEqual([]);
  });

  it('Markdown puts the summary first and folds the details', () => {
    const md = diffFormatters.markdown({ diff });
    expect(md.startsWith(MARKDOWN_MARKER)).toBe(true);
    const summaryAt = md.indexOf('1 new finding (0 errors) · 1 resolved');
    const firstDetails = md.indexOf('<details>');
    expect(summaryAt).toBeGreaterThan(0);
    expect(firstDetails).toBeGreaterThan(summaryAt);
    expect(md.indexOf('#### Scope creep (1)')).toBeLessThan(firstDetails);
    expect(md.match(/<details>/g)!.length).toBe(md.match(/<\/details>/g)!.length);
    expect(md).toContain('`instances.max`: `2` → `8`');
    expect(md).toContain('`serves`: `+ R2`');
  });

  it('Markdown never passes HTML or table pipes a user wrote through', () => {
    const md = diffFormatters.markdown({ diff });
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\| stats');
  });

  it('stylish prints colour only when asked', () => {
    expect(diffFormatters.stylish({ diff, color: false })).not.toMatch(ANSI);
    expect(diffFormatters.stylish({ diff, color: true })).toMatch(ANSI);
    expect(diffFormatters.markdown({ diff })).not.toMatch(ANSI);
  });

  it('stylish shows list changes as items added and removed', () => {
    const out = diffFormatters.stylish({ diff });
    expect(out).toContain('serves: + R2');
    expect(out).toContain('instances.max: 2 → 8');
    expect(out).toContain('! component New service "recs" serves no requirement.');
  });

  it('gates trip on what they name', () => {
    expect(trippedGates(diff, ['scope-creep'])).toEqual([{ gate: 'scope-creep', reason: '1 scope creep item' }]);
    // The only new finding is a warning: no new errors, and no contract changed.
    expect(trippedGates(diff, ['new-errors', 'breaking'])).toEqual([]);
    const withError = { ...diff, risk: { ...diff.risk, new: diff.risk.new.map((f) => ({ ...f, severity: 'error' as const })) } };
    expect(trippedGates(withError, ['new-errors'])).toEqual([{ gate: 'new-errors', reason: '1 new error finding' }]);
    const md = diffFormatters.markdown({ diff, tripped: trippedGates(diff, ['scope-creep']) });
    expect(md).toContain('❌ **scope-creep: 1 scope creep item**');
  });
});
