import { parseDuration } from '../../../model/units.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { pciScope, scopeOf } from './scope.js';

const DAY = 86_400;

export default defineComplianceRule({
  id: 'pci/audit-log-retention',
  severity: 'warning',
  regime: 'pci',
  summary: 'CDE audit logs kept less than 12 months, or with less than three months immediately available.',
  rationale:
    'PCI DSS v4.0.1 Req. 10.5.1: "Retain audit log history for at least 12 months, with at least the most recent three months immediately available for analysis." Breaches are often found months late; the history has to be there when they are. (Where the logs hold personal data, this is the retention GDPR Art. 5(1)(e) should record as necessary.)',
  citations: ['PCI DSS v4.0.1 Req. 10.5.1'],
  fix: 'Set `audit.retention: 365d` (or the sink\'s `retention:`) and `audit.immediatelyAvailable: 90d` or longer.',
  options: {
    minimumRetention: { default: '365d', description: 'Audit history to keep (12 months).' },
    minimumImmediate: { default: '90d', description: 'Recent audit history immediately available for analysis (three months).' },
  },
  control: {
    id: '10.5.1',
    title: 'Audit log retention',
    appliesTo: (scope) => scopeOf(scope).cde.filter((c) => c.audit?.logs).map(componentRef),
  },
  check(ctx) {
    const scope = pciScope(ctx.design, ctx.shared);
    const minRetention = parseDuration(String(ctx.options.minimumRetention)) ?? 365 * DAY;
    const minImmediate = parseDuration(String(ctx.options.minimumImmediate)) ?? 90 * DAY;
    for (const c of scope.cde) {
      if (!c.audit?.logs) continue;
      const subject = componentRef(c);
      const sink = c.audit.sink ? scope.map.components.get(c.audit.sink) : undefined;
      const retention = c.audit.retention ?? sink?.retention;
      if (retention === undefined) {
        reportGap(ctx, { subject, field: 'audit.retention', why: '(at least 12 months) so the audit history outlives a late-found breach', evidence: { sink: c.audit.sink ?? 'none' } });
      } else if ((parseDuration(retention) ?? 0) < minRetention) {
        ctx.report({
          subject, field: ['audit', 'retention'], detail: 'retention',
          message: `${c.id} keeps its audit log for ${retention}, less than the 12 months PCI DSS requires.`,
          evidence: { retention, required: String(ctx.options.minimumRetention), source: c.audit.retention ? 'audit.retention' : `retention of ${c.audit.sink}` },
        });
      }
      const immediate = c.audit.immediatelyAvailable;
      if (immediate === undefined) {
        reportGap(ctx, { subject, field: 'audit.immediatelyAvailable', why: '(at least three months) so recent audit history can be analysed without a restore', evidence: { sink: c.audit.sink ?? 'none' } });
      } else if ((parseDuration(immediate) ?? 0) < minImmediate) {
        ctx.report({
          subject, field: ['audit', 'immediatelyAvailable'], detail: 'immediate',
          message: `Only ${immediate} of ${c.id}'s audit history is immediately available, less than the three months PCI DSS requires.`,
          evidence: { immediatelyAvailable: immediate, required: String(ctx.options.minimumImmediate) },
        });
      }
    }
  },
});
