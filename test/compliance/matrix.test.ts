import { describe, expect, it } from 'vitest';
import { complianceMatrix } from '../../src/compliance/matrix.js';
import { matrixJson, matrixMarkdown } from '../../src/compliance/matrix-format.js';
import { review } from '../../src/rules/engine.js';
import { allRules } from '../../src/rules/index.js';
import { designOf } from '../helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function design(change: (d: Doc) => void = () => undefined): Doc {
  const d: Doc = {
    system: { name: 'Clinic', compliance: ['hipaa'], contingency: { emergencyMode: 'read-only' } },
    data: [{ id: 'record', classification: ['phi'], subjects: ['patient'] }],
    components: [
      { id: 'api', kind: 'service', uses: ['record'], exposes: [{ protocol: 'grpc', auth: 'mtls' }], audit: { logs: true } },
      { id: 'db', kind: 'datastore', stores: ['record'], encryptedAtRest: true, integrity: ['versioning'], backup: { rpo: '1h', rto: '4h', encrypted: true }, audit: { logs: true } },
      { id: 'archive', kind: 'datastore', stores: ['record'], encryptedAtRest: true, integrity: ['immutable'], backup: { rpo: '1d', rto: '1d', encrypted: true }, audit: { logs: true } },
    ],
    links: [
      { from: 'api', to: 'db', protocol: 'sql', tls: 'tls', auth: 'mtls', carries: ['record'] },
      { from: 'api', to: 'archive', protocol: 'sql', tls: 'tls', auth: 'mtls', carries: ['record'] },
    ],
  };
  change(d);
  return d;
}

function matrixOf(doc: Doc, regime: 'gdpr' | 'hipaa' | 'pci' = 'hipaa') {
  const d = designOf(doc);
  return complianceMatrix(d, review(d, allRules, { today: new Date('2026-11-24T00:00:00Z') }), allRules, regime);
}

const row = (m: ReturnType<typeof matrixOf>, rule: string) => m.rows.find((r) => r.rule === rule)!;

describe('complianceMatrix', () => {
  it('lists every control of the regime and marks evaluated elements with no finding as pass', () => {
    const m = matrixOf(design());
    expect(m.rows.map((r) => r.rule)).toEqual(allRules.filter((r) => r.regime === 'hipaa').map((r) => r.id));
    const encryption = row(m, 'hipaa/encryption-at-rest');
    expect(encryption.cells.map((c) => [c.element.id, c.status])).toEqual([['db', 'pass'], ['archive', 'pass']]);
    expect(m.totals.fail + m.totals.gap).toBe(0);
  });

  it('tells a fail from a gap, with the finding behind each', () => {
    const m = matrixOf(design((d) => {
      d.components[1].encryptedAtRest = false;
      delete d.components[2].encryptedAtRest;
    }));
    const cells = row(m, 'hipaa/encryption-at-rest').cells;
    expect(cells.map((c) => [c.element.id, c.status])).toEqual([['db', 'fail'], ['archive', 'gap']]);
    expect(cells[0].findings.map((f) => f.id)).toEqual(['hipaa/encryption-at-rest@db#at-rest']);
    expect(cells[1].findings[0].message).toContain('not stated: add `encryptedAtRest`');
    expect(row(m, 'hipaa/encryption-at-rest').status).toBe('fail');
  });

  it('spreads a finding on the whole system over the elements of its control', () => {
    const m = matrixOf(design((d) => d.components.forEach((c: Doc) => delete c.audit)));
    const cells = row(m, 'hipaa/audit-controls').cells;
    expect(cells.map((c) => [c.element.id, c.status])).toEqual([['db', 'gap'], ['archive', 'gap']]);
    expect(cells[0].findings.map((f) => f.id)).toEqual(['hipaa/audit-controls@system#missing-audit']);
  });

  it('marks controls with nothing in scope, regimes that do not apply and rules turned off as not applicable', () => {
    const m = matrixOf(design());
    expect(row(m, 'hipaa/business-associate')).toMatchObject({ status: 'not-applicable', note: 'nothing in the design is in scope' });
    const pci = matrixOf(design(), 'pci');
    expect(pci.applies).toBe(false);
    expect(pci.rows.every((r) => r.status === 'not-applicable' && r.cells.length === 0)).toBe(true);
    const off = matrixOf(design((d) => { d.checks = { rules: { 'hipaa/integrity': 'off' } }; }));
    expect(row(off, 'hipaa/integrity')).toMatchObject({ status: 'not-applicable', note: 'not checked: the rule is turned off' });
  });

  it('keeps an accepted risk failing, and lets a false positive pass', () => {
    const accepted = matrixOf(design((d) => {
      d.components[1].encryptedAtRest = false;
      d.risks = [{ finding: 'hipaa/encryption-at-rest@db#at-rest', status: 'accepted', by: 'CISO', why: 'Migrating next quarter.', until: '2027-03-31' }];
    }));
    const cell = row(accepted, 'hipaa/encryption-at-rest').cells[0];
    expect(cell.status).toBe('fail');
    expect(cell.findings[0].status).toBe('accepted');
    const falsePositive = matrixOf(design((d) => {
      d.components[1].encryptedAtRest = false;
      d.risks = [{ finding: 'hipaa/encryption-at-rest@db#at-rest', status: 'false-positive', by: 'CISO', why: 'Encrypted by the storage array.' }];
    }));
    expect(row(falsePositive, 'hipaa/encryption-at-rest').cells[0].status).toBe('pass');
  });

  it('says whether the regime is declared or only implied by the data', () => {
    const implied = matrixOf(design((d) => { d.system.compliance = []; }));
    expect(implied).toMatchObject({ applies: true, declared: false, impliedBy: 'record is protected health information (phi)' });
    expect(matrixMarkdown(implied)).toContain('**not declared**');
  });
});

describe('matrix formats', () => {
  it('writes a Markdown summary table and one section per control', () => {
    const m = matrixOf(design((d) => { d.components[1].encryptedAtRest = false; }));
    const md = matrixMarkdown(m);
    expect(md).toMatch(/^# HIPAA control matrix: Clinic/);
    expect(md).toContain('| 164.312(a)(2)(iv) | Encryption of ePHI at rest | FAIL | 1 | 1 | 0 |');
    expect(md).toContain('| component `db` | FAIL | db keeps ePHI (record) unencrypted.');
    expect(md.match(/^## /gm)).toHaveLength(m.rows.length);
  });

  it('writes JSON that round-trips', () => {
    const m = matrixOf(design());
    expect(JSON.parse(matrixJson(m))).toEqual(JSON.parse(JSON.stringify(m)));
    expect(JSON.parse(matrixJson([m]))).toHaveLength(1);
  });
});
