import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { listOf, reportGap, SYSTEM } from '../compliance/report.js';
import { personalScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'gdpr/breach-detection',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'A store of personal data whose access is not logged, so a breach could not be detected or scoped.',
  rationale:
    'The controller must notify a personal data breach "not later than 72 hours after having become aware of it", describing "the categories and approximate number of data subjects concerned and the categories and approximate number of personal data records concerned" (Art. 33(1), 33(3)(a)), and document every breach (Art. 33(5)). Without audit logs on the stores, nobody becomes aware, and nobody can say what was taken.',
  citations: ['GDPR Art. 33(1)', 'GDPR Art. 33(3)(a)', 'GDPR Art. 33(5)'],
  fix: 'Add `audit: { logs: true, sink: <log component> }` to every store of personal data.',
  control: {
    id: 'Art. 33',
    title: 'Breaches are detectable and can be scoped',
    appliesTo: (scope) => scopeOf(scope).records.map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const { records } = personalScope(ctx.design, ctx.shared);
    if (records.length === 0) return;
    if (!ctx.design.components.some((c) => c.audit?.logs)) {
      reportGap(ctx, {
        subject: SYSTEM,
        field: 'audit',
        why: `to the stores of personal data: no component in the design records access, so a breach of ${listOf(records.map((r) => r.component.id))} would go unseen`,
        evidence: { stores: records.map((r) => r.component.id).join(', ') },
      });
      return;
    }
    for (const { component: c, assets } of records) {
      const subject = componentRef(c);
      if (c.audit?.logs === undefined) {
        reportGap(ctx, { subject, field: 'audit.logs', why: `so access to the personal data it holds (${assets.join(', ')}) is recorded and a breach can be detected and scoped`, evidence: { data: assets.join(', ') } });
      } else if (!c.audit.logs) {
        ctx.report({ subject, field: ['audit', 'logs'], message: `${c.id} holds personal data (${assets.join(', ')}) with audit logging switched off.`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
