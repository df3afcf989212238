import { defineRule } from '../../types.js';
import { isSensitive, sensitiveLabel } from '../../sensitivity.js';
import { assets, describeAssets } from './trust.js';

export default defineRule({
  id: 'security/unencrypted-sensitive-store',
  severity: 'error',
  summary: 'A component stores sensitive data without encryption at rest.',
  rationale:
    'Disks, snapshots and backups leave the places they were meant to stay: a decommissioned volume, a copied snapshot, a misconfigured bucket. Encryption at rest turns those leaks into unreadable bytes. A component that keeps personal, health, card or credential data should say how it encrypts it; when `encryptedAtRest` is not stated the design has not decided, which is reported once as a gap.',
  citations: [
    'OWASP ASVS 4.0.3 V6.1.1 (regulated private data stored encrypted at rest), V6.1.2 (health data), V6.1.3 (financial data)',
    'OWASP Top 10 2021 A02 Cryptographic Failures',
    'NIST SP 800-53 Rev. 5 SC-28 Protection of Information at Rest; SC-28(1) Cryptographic Protection',
    'CIS Controls v8 Safeguard 3.11 Encrypt Sensitive Data at Rest',
    'Guide §4 Security and Compliance: Protect Data ("implement robust data protection measures")',
  ],
  fix: 'Set `encryptedAtRest: true` (or `field` / `tokenised` for the most sensitive fields) on the component and enable it in the store.',
  check(ctx) {
    const { design } = ctx;
    for (const c of design.components) {
      // External parties answer for their own storage (agreements); a secrets store encrypts by design.
      if (c.kind === 'external' || c.kind === 'secrets' || c.stores.length === 0) continue;
      const sensitive = assets(design, c.stores).filter(isSensitive);
      if (sensitive.length === 0) continue;
      const data = describeAssets(sensitive, sensitiveLabel);
      if (c.encryptedAtRest === undefined) {
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['stores'],
          detail: 'encryptedAtRest',
          severity: 'warning',
          message: `${c.id} stores ${data} but does not say whether it is encrypted at rest: not stated: add \`encryptedAtRest\`.`,
          evidence: { component: c.id, data: sensitive.map((d) => d.id).join(', '), encryptedAtRest: 'not stated' },
        });
      } else if (c.encryptedAtRest === false) {
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['encryptedAtRest'],
          message: `${c.id} stores ${data} unencrypted at rest.`,
          evidence: { component: c.id, data: sensitive.map((d) => d.id).join(', '), encryptedAtRest: 'false' },
        });
      }
    }
  },
});
