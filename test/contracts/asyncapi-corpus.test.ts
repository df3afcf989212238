/** The labelled AsyncAPI corpus: every case's verdict (breaking or not) and the change archwright names. */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compareContracts } from '../../src/contracts/compare.js';
import { applyEdits, type Edit } from './edits.js';

interface Case { id: string; base: 'v2' | 'v3'; new?: 'v2' | 'v3'; breaking: boolean; change: string | null; why: string; edit: Edit[] }
const corpus = yaml.load(readFileSync('test/fixtures/contracts/asyncapi/cases.yaml', 'utf8')) as { bases: Record<string, unknown>; cases: Case[] };

describe('AsyncAPI corpus', () => {
  it.each(corpus.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const base = corpus.bases[c.base];
    const oldText = yaml.dump(base, { lineWidth: 200, noRefs: true });
    const newText = yaml.dump(applyEdits(corpus.bases[c.new ?? c.base], c.edit), { lineWidth: 200, noRefs: true });
    const result = compareContracts({ file: 'old.yaml', text: oldText }, { file: 'new.yaml', text: newText });
    expect(result.errors).toEqual([]);
    const breaking = result.changes.some((x) => x.severity === 'breaking');
    expect(breaking, `${c.why}\n${result.changes.map((x) => `${x.severity} ${x.id}: ${x.message}`).join('\n')}`).toBe(c.breaking);
    if (c.change) expect(result.changes.map((x) => x.id)).toContain(c.change);
    else expect(result.changes.map((x) => x.id)).toEqual([]);
  });
});
