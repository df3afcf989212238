import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { personalScope, scopeOf, type Holding } from './scope.js';

/** Records whose availability must be restorable: caches are rebuilt, not restored. */
const restorable = (h: Holding) => h.component.kind !== 'cache';

export default defineComplianceRule({
  id: 'gdpr/restore',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'A store of personal data with no backup, or a backup with no stated recovery point and time.',
  rationale:
    'Art. 32(1)(c) asks for "the ability to restore the availability and access to personal data in a timely manner in the event of a physical or technical incident". A store with no backup, or one whose recovery point and recovery time nobody stated, cannot show that ability.',
  citations: ['GDPR Art. 32(1)(c)'],
  fix: 'Add `backup: { rpo, rto, encrypted: true }` to the store.',
  control: {
    id: 'Art. 32(1)(c)',
    title: 'Timely restore of personal data',
    appliesTo: (scope) => scopeOf(scope).records.filter(restorable).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const { records } = personalScope(ctx.design, ctx.shared);
    for (const h of records) {
      if (!restorable(h)) continue;
      const { component: c, assets } = h;
      const subject = componentRef(c);
      if (!c.backup) {
        reportGap(ctx, { subject, field: 'backup', why: `so the personal data it holds (${assets.join(', ')}) can be restored after an incident`, evidence: { data: assets.join(', ') } });
        continue;
      }
      for (const field of ['rpo', 'rto'] as const) {
        if (c.backup[field] === undefined) {
          reportGap(ctx, {
            subject, field: `backup.${field}`,
            why: field === 'rpo' ? 'so it is known how much personal data a restore may lose' : 'so it is known how soon personal data is available again after an incident',
            evidence: { data: assets.join(', ') },
          });
        }
      }
    }
  },
});
