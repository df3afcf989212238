import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleIndex, renderRulePage, ruleDocs, rulePagePath } from '../../src/docs/rule-docs.js';
import { allRules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'rules');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []);
}

const sample = defineRule({
  id: 'sample/deep-thing',
  severity: 'warning',
  summary: 'Finds a | deep thing.',
  rationale: 'Deep things are slow.',
  citations: ['Guide §3 Keep It Simple', 'HIPAA 45 CFR 164.312(e)(1)'],
  fix: 'Make it shallow.',
  regime: 'hipaa',
  options: { maxDepth: { default: 5, description: 'How deep is too deep.' } },
  check: () => undefined,
});

describe('docs/rules', () => {
  it('is up to date with the rule metadata (run `npm run docs` after changing a rule)', () => {
    const expected = new Map(ruleDocs(allRules).map((f) => [f.path, f.content]));
    const actual = new Map(markdownFiles(DOCS).map((p) => [relative(DOCS, p).split(sep).join('/'), readFileSync(p, 'utf8')]));
    const missing = [...expected.keys()].filter((p) => !actual.has(p));
    const stale = [...expected.keys()].filter((p) => actual.has(p) && actual.get(p) !== expected.get(p));
    const extra = [...actual.keys()].filter((p) => !expected.has(p));
    expect({ missing, stale, extra }, 'docs/rules/ differs from the rule metadata: run `npm run docs`').toEqual({ missing: [], stale: [], extra: [] });
  });

  it('has a page for every rule in allRules and an index that links them all', () => {
    const files = ruleDocs(allRules);
    expect(files[0].path).toBe('README.md');
    expect(files.slice(1).map((f) => f.path).sort()).toEqual(allRules.map((r) => rulePagePath(r.id)).sort());
    for (const rule of allRules) expect(files[0].content).toContain(`[${rule.id}](${rule.id}.md)`);
  });
});

describe('renderRulePage', () => {
  const page = renderRulePage(sample);

  it('carries every piece of metadata', () => {
    expect(page).toMatch(/^<!-- Generated from the rule metadata/);
    expect(page).toContain('# sample/deep-thing');
    expect(page).toContain('| Default severity | warning |');
    expect(page).toContain('when the design falls under HIPAA');
    expect(page).toContain('## Why\n\nDeep things are slow.');
    expect(page).toContain('## How to fix\n\nMake it shallow.');
    expect(page).toContain('| `maxDepth` | `5` | How deep is too deep. |');
    expect(page).toContain('      options:\n        maxDepth: 5');
    expect(page).toContain('- HIPAA 45 CFR 164.312(e)(1)');
  });

  it('leaves out options for a rule without any and shows the short configuration', () => {
    const plain = renderRulePage({ ...sample, options: undefined, regime: undefined });
    expect(plain).not.toContain('## Options');
    expect(plain).toContain('    sample/deep-thing: warning   # off | info | warning | error');
    expect(plain).toContain('| Runs | on every design |');
  });
});

describe('renderRuleIndex', () => {
  it('groups rules by pack in the order they are listed and escapes table cells', () => {
    const other = { ...sample, id: 'other/first', regime: undefined };
    const index = renderRuleIndex([sample, other, { ...sample, id: 'sample/second' }]);
    expect(index).toContain('3 rules in 2 packs');
    expect(index.indexOf('## sample')).toBeLessThan(index.indexOf('## other'));
    expect(index).toContain('| [sample/deep-thing](sample/deep-thing.md) | warning | Finds a \\| deep thing. (HIPAA only) |');
    const sampleSection = index.slice(index.indexOf('## sample'), index.indexOf('## other'));
    expect(sampleSection).toContain('sample/second');
  });
});
