/** The labelled OpenAPI corpus: every case's verdict (breaking or not) and the change archwright names. */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compareContracts } from '../../src/contracts/compare.js';
import { applyEdits, type Edit } from './edits.js';

interface Case { id: string; breaking: boolean; change: string | null; why: string; edit: Edit[] }
const corpus = yaml.load(readFileSync('test/fixtures/contracts/openapi/cases.yaml', 'utf8')) as { base: unknown; cases: Case[] };

describe('OpenAPI corpus', () => {
  it('has at least 60 labelled pairs with distinct ids', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.cases.map((c) => c.id)).size).toBe(corpus.cases.length);
  });

  it.each(corpus.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const oldText = yaml.dump(corpus.base, { lineWidth: 200 });
    const newText = yaml.dump(applyEdits(corpus.base, c.edit), { lineWidth: 200 });
    expect(newText).not.toBe(oldText);
    const result = compareContracts({ file: 'old.yaml', text: oldText }, { file: 'new.yaml', text: newText });
    expect(result.errors).toEqual([]);
    const breaking = result.changes.filter((x) => x.severity === 'breaking');
    expect(breaking.length > 0, `${c.why}\n${result.changes.map((x) => `${x.severity} ${x.id}: ${x.message}`).join('\n')}`).toBe(c.breaking);
    if (c.change) expect(result.changes.map((x) => x.id)).toContain(c.change);
    else expect(result.changes.map((x) => x.id)).toEqual([]);
    for (const x of result.changes) {
      expect(['old.yaml', 'new.yaml']).toContain(x.location.file);
      expect(x.location.line).toBeGreaterThan(1);
    }
  });
});
