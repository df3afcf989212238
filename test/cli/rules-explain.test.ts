import { describe, expect, it } from 'vitest';
import { findRuleOrFail, formatExplanation } from '../../src/cli/commands/explain.js';
import { formatRulesJson, formatRulesText } from '../../src/cli/commands/rules.js';
import { UsageError } from '../../src/cli/shared.js';
import { allRules } from '../../src/rules/index.js';
import { hasStackTrace, run } from './run.js';

describe('archwright rules', () => {
  it('lists every rule with its default severity and summary', () => {
    const text = formatRulesText(allRules, false);
    for (const rule of allRules) expect(text).toMatch(new RegExp(`^${rule.id}\\s+${rule.severity}\\s+${escape(rule.summary)}`, 'm'));
    expect(text).toContain(`${allRules.length} rules.`);
  });

  it('prints JSON with options defaults', () => {
    const list = JSON.parse(formatRulesJson(allRules)) as { id: string; severity: string; options?: Record<string, unknown> }[];
    expect(list.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(list.find((r) => r.id === 'simplicity/deep-sync-chain')?.options).toEqual({ maxDepth: 5 });
  });

  it('runs from the command line, filters by pack and rejects an unknown pack with exit 2', () => {
    const all = run(['rules', '--format', 'json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toHaveLength(allRules.length);
    const simplicity = run(['rules', '--pack', 'simplicity']);
    expect(simplicity.stdout).toContain('simplicity/sync-cycle');
    expect(simplicity.stdout).not.toContain('requirements/');
    const bad = run(['rules', '--pack', 'simplicty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "simplicity"?');
  });
});

describe('archwright explain', () => {
  it('finds a rule by id or by its name alone', () => {
    expect(findRuleOrFail(allRules, 'simplicity/sync-cycle').id).toBe('simplicity/sync-cycle');
    expect(findRuleOrFail(allRules, 'sync-cycle').id).toBe('simplicity/sync-cycle');
  });

  it('suggests the nearest id for an unknown rule', () => {
    expect(() => findRuleOrFail(allRules, 'simplicity/sync-cycel')).toThrow(UsageError);
    expect(() => findRuleOrFail(allRules, 'simplicity/sync-cycel')).toThrow('did you mean "simplicity/sync-cycle"?');
    expect(() => findRuleOrFail(allRules, 'deep-sync-chian')).toThrow('did you mean "simplicity/deep-sync-chain"?');
  });

  it('prints the rationale, fix, options and citations', () => {
    const rule = findRuleOrFail(allRules, 'simplicity/deep-sync-chain');
    const text = formatExplanation(rule, false, 80);
    expect(text).toMatch(/^simplicity\/deep-sync-chain {2}warning\n/);
    expect(text).toContain('Why\n  Every synchronous hop');
    expect(text).toContain('How to fix\n  Flatten the chain');
    expect(text).toContain('maxDepth (default 5)');
    expect(text).toContain('  - Guide §3 Keep It Simple');
    // wrapped to the terminal width
    for (const line of text.split('\n').filter((l) => l.startsWith('  '))) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('exits 2 with a suggestion and no stack trace for an unknown rule', () => {
    const result = run(['explain', 'decisions/missing-refrence']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown rule "decisions/missing-refrence" (did you mean "decisions/missing-reference"?)');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('prints JSON and the Markdown page on request', () => {
    const json = run(['explain', 'decisions/missing-reference', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'decisions/missing-reference', severity: 'warning' });
    const md = run(['explain', 'decisions/missing-reference', '--format', 'markdown']);
    expect(md.stdout).toContain('# decisions/missing-reference');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
