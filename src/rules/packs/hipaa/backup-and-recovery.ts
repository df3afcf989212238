import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf, type PhiHolding } from './scope.js';

const restorable = (h: PhiHolding) => h.component.kind !== 'cache';

export default defineComplianceRule({
  id: 'hipaa/backup-and-recovery',
  severity: 'error',
  regime: 'hipaa',
  summary: 'A store of ePHI with no backup, or with no stated time to restore it.',
  rationale:
    'The contingency plan of 45 CFR 164.308(a)(7) requires a data backup plan to "create and maintain retrievable exact copies of electronic protected health information" ((ii)(A), Required) and a disaster recovery plan with "procedures to restore any loss of data" ((ii)(B), Required). A store with no backup has no copy; a backup with no recovery time has no stated restore.',
  citations: ['HIPAA 45 CFR 164.308(a)(7)(ii)(A)', 'HIPAA 45 CFR 164.308(a)(7)(ii)(B)'],
  fix: 'Add `backup: { rpo, rto, encrypted: true }` to the store, and state where the disaster recovery plan is in `system.contingency.disasterRecovery`.',
  control: {
    id: '164.308(a)(7)(ii)(A)-(B)',
    title: 'Data backup and disaster recovery',
    appliesTo: (scope) => scopeOf(scope).records.filter(restorable).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const h of phiScope(ctx.design, ctx.shared).records) {
      if (!restorable(h)) continue;
      const { component: c, assets } = h;
      const subject = componentRef(c);
      if (!c.backup) {
        reportGap(ctx, { subject, field: 'backup', why: `so exact copies of the ePHI it keeps (${assets.join(', ')}) can be retrieved`, evidence: { data: assets.join(', ') }, severity: 'error' });
      } else if (c.backup.rto === undefined) {
        reportGap(ctx, { subject, field: 'backup.rto', why: `so the time to restore the ePHI it keeps (${assets.join(', ')}) is planned`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
