import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { pciScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'pci/audit-logs',
  severity: 'error',
  regime: 'pci',
  summary: 'A component of the cardholder data environment with no audit log.',
  rationale:
    'PCI DSS v4.0.1 Req. 10.2.1: "Audit logs are enabled and active for all system components and cardholder data", capturing individual user access to cardholder data, administrative actions, access to the logs, invalid access attempts and changes to credentials (10.2.1.1-10.2.1.7).',
  citations: ['PCI DSS v4.0.1 Req. 10.2.1', 'PCI DSS v4.0.1 Req. 10.2.2'],
  fix: 'Add `audit: { logs: true, sink: <log component>, retention: 365d, immediatelyAvailable: 90d }` to the component.',
  control: {
    id: '10.2.1',
    title: 'Audit logs on every CDE component',
    appliesTo: (scope) => scopeOf(scope).cde.map(componentRef),
  },
  check(ctx) {
    for (const c of pciScope(ctx.design, ctx.shared).cde) {
      if (c.audit?.logs === undefined) {
        reportGap(ctx, { subject: componentRef(c), field: 'audit.logs', why: `so activity on ${c.id}, inside the cardholder data environment, is logged`, evidence: { zone: c.zone ?? '' }, severity: 'error' });
      } else if (!c.audit.logs) {
        ctx.report({ subject: componentRef(c), field: ['audit', 'logs'], message: `${c.id} is in the cardholder data environment with audit logging switched off.`, evidence: { zone: c.zone ?? '' } });
      }
    }
  },
});
