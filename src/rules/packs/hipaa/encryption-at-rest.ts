import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'hipaa/encryption-at-rest',
  severity: 'error',
  regime: 'hipaa',
  summary: 'ePHI stored, or backed up, without encryption.',
  rationale:
    '45 CFR 164.312(a)(2)(iv) (Addressable) asks for "a mechanism to encrypt and decrypt electronic protected health information". Addressable is not optional: not doing it must be documented with an equivalent measure (164.306(d)(3)). Encrypted ePHI is also "secured" under HHS guidance, so losing it is not a notifiable breach.',
  citations: ['HIPAA 45 CFR 164.312(a)(2)(iv)', 'HIPAA 45 CFR 164.306(d)(3)', 'HHS breach guidance, 74 FR 19006 (2009)'],
  fix: 'Set `encryptedAtRest:` on the store and `backup.encrypted: true`; if encryption is not reasonable, record why and the alternative in `risks:`.',
  control: {
    id: '164.312(a)(2)(iv)',
    title: 'Encryption of ePHI at rest',
    appliesTo: (scope) => scopeOf(scope).stores.map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const { component: c, assets } of phiScope(ctx.design, ctx.shared).stores) {
      const subject = componentRef(c);
      if (c.encryptedAtRest === undefined) {
        reportGap(ctx, { subject, field: 'encryptedAtRest', why: `so it is clear whether the ePHI it keeps (${assets.join(', ')}) is encrypted`, evidence: { data: assets.join(', ') } });
      } else if (c.encryptedAtRest === false) {
        ctx.report({ subject, field: ['encryptedAtRest'], detail: 'at-rest', message: `${c.id} keeps ePHI (${assets.join(', ')}) unencrypted.`, evidence: { data: assets.join(', ') } });
      }
      if (c.backup?.encrypted === false) {
        ctx.report({ subject, field: ['backup', 'encrypted'], detail: 'backup', message: `Backups of ${c.id} keep ePHI (${assets.join(', ')}) unencrypted.`, evidence: { data: assets.join(', ') } });
      } else if (c.backup && c.backup.encrypted === undefined) {
        reportGap(ctx, { subject, field: 'backup.encrypted', why: `so it is clear whether backups of ePHI (${assets.join(', ')}) are encrypted`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
