import { describe, expect, it } from 'vitest';
import regimeNotDeclared from '../../src/rules/packs/compliance/regime-not-declared.js';
import { impliedRegimeReasons } from '../../src/rules/regimes.js';
import { designOf, findingsOf } from '../helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const design = (compliance: string[], extra: Doc = {}): Doc => ({
  system: { name: 'T', compliance, ...extra.system },
  users: [{ id: 'patient', kind: 'end-user', regions: ['EU'] }],
  data: [
    { id: 'chart', classification: ['phi'], subjects: ['patient'] },
    { id: 'card', classification: ['pan'] },
  ],
  ...extra.rest,
});

describe('compliance/regime-not-declared', () => {
  it('reports each implied regime missing from system.compliance, naming the data', () => {
    const findings = findingsOf(regimeNotDeclared, design(['pci']));
    expect(findings.map((f) => f.id).sort()).toEqual(['compliance/regime-not-declared@system#gdpr', 'compliance/regime-not-declared@system#hipaa']);
    expect(findings.find((f) => f.id.endsWith('#hipaa'))?.message).toContain('chart is protected health information');
  });

  it('is quiet when every implied regime is declared', () => {
    expect(findingsOf(regimeNotDeclared, design(['gdpr', 'hipaa', 'pci']))).toEqual([]);
  });
});

describe('implied regimes', () => {
  it('implies GDPR from EEA subjects or an EEA establishment, not from a London region', () => {
    const usOnly = { rest: { users: [{ id: 'patient', kind: 'end-user', regions: ['US'] }] } };
    expect(impliedRegimeReasons(designOf(design([], usOnly))).map((r) => r.regime)).toEqual(['hipaa', 'pci']);
    const inFrankfurt = designOf(design([], { ...usOnly, system: { region: 'eu-central-1' } }));
    expect(impliedRegimeReasons(inFrankfurt).map((r) => r.regime)).toEqual(['hipaa', 'gdpr', 'pci']);
    const inLondon = designOf(design([], { ...usOnly, system: { region: 'eu-west-2' } }));
    expect(impliedRegimeReasons(inLondon).map((r) => r.regime)).toEqual(['hipaa', 'pci']);
  });
});
