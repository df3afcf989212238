import { describe, expect, it } from 'vitest';
import { complianceMatrix } from '../../src/compliance/matrix.js';
import { nodeHost } from '../../src/io/node-host.js';
import { loadDesign } from '../../src/model/load.js';
import { review } from '../../src/rules/engine.js';
import { allRules } from '../../src/rules/index.js';

const COMPLIANCE_PACKS = /^(gdpr|hipaa|pci|compliance)\//;

function reviewed(name: string) {
  const result = loadDesign(`examples/${name}/archwright.yaml`, nodeHost);
  if (!result.design) throw new Error(JSON.stringify(result.errors, null, 2));
  return { design: result.design, review: review(result.design, allRules, { today: new Date('2026-11-24T00:00:00Z') }) };
}

describe('examples/well-designed', () => {
  const { design, review: result } = reviewed('well-designed');

  it('yields no error-severity finding from the whole rule set', () => {
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([]);
  });

  it('falls under GDPR, HIPAA and PCI DSS and meets every control the compliance packs check', () => {
    expect(result.regimes).toEqual(['gdpr', 'hipaa', 'pci']);
    expect(result.findings.filter((f) => COMPLIANCE_PACKS.test(f.rule)).map((f) => f.id)).toEqual([]);
    for (const regime of ['gdpr', 'hipaa', 'pci'] as const) {
      const m = complianceMatrix(design, result, allRules, regime);
      expect(m.totals.fail + m.totals.gap, regime).toBe(0);
      expect(m.totals.pass, regime).toBeGreaterThan(m.rows.length);
    }
  });
});

describe('examples/bot-platform', () => {
  it('has the compliance weaknesses a reviewer would raise, and no others', () => {
    // Each reviewed by hand; see the pack docs for why each matters.
    const { review: result } = reviewed('bot-platform');
    expect(result.findings.filter((f) => COMPLIANCE_PACKS.test(f.rule)).map((f) => `${f.severity} ${f.id}`).sort()).toEqual([
      'error gdpr/encryption@bot-engine->recommendation-engine',
      'error hipaa/audit-controls@system#missing-audit',
      'error hipaa/business-associate@teams',
      'error hipaa/transmission-security@bot-engine->recommendation-engine',
      'warning gdpr/breach-detection@system#missing-audit',
      'warning gdpr/encryption@events#missing-encryptedAtRest',
      'warning gdpr/encryption@recommendation-engine->transcript-store#missing-tls',
      'warning gdpr/storage-limitation@transcript-store#missing-backup.retention',
      'warning gdpr/storage-limitation@users-db#missing-backup.retention',
      'warning gdpr/storage-limitation@users-db#missing-retention',
      'warning gdpr/subject-rights@transcript-store',
      'warning hipaa/emergency-mode@system#missing-contingency.emergencyMode',
      'warning hipaa/encryption-at-rest@events#missing-encryptedAtRest',
      'warning hipaa/integrity@transcript-store#missing-integrity',
      'warning hipaa/transmission-security@recommendation-engine->transcript-store#missing-tls',
    ]);
  });
});
