import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { listOf, reportGap, SYSTEM } from '../compliance/report.js';
import { phiScope, scopeOf, type PhiScope } from './scope.js';

/** Records of ePHI, and the consoles people use to reach it. */
function audited(scope: PhiScope): { component: Component; assets: readonly string[] }[] {
  const records = new Set(scope.records.map((r) => r.component.id));
  return scope.handlers.filter((h) => h.component.kind !== 'external'
    && (records.has(h.component.id) || (scope.map.usersOf.get(h.component.id)?.length ?? 0) > 0));
}

export default defineComplianceRule({
  id: 'hipaa/audit-controls',
  severity: 'error',
  regime: 'hipaa',
  summary: 'A store of ePHI, or a console people use to reach it, that records no activity.',
  rationale:
    '45 CFR 164.312(b) requires "hardware, software, and/or procedural mechanisms that record and examine activity in information systems that contain or use electronic protected health information". The stores that keep ePHI and the interfaces people use to read it are where that record has to be made.',
  citations: ['HIPAA 45 CFR 164.312(b)'],
  fix: 'Add `audit: { logs: true, sink: <log component> }` to the component.',
  control: {
    id: '164.312(b)',
    title: 'Audit controls',
    appliesTo: (scope) => audited(scopeOf(scope)).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const targets = audited(phiScope(ctx.design, ctx.shared));
    if (targets.length === 0) return;
    if (!ctx.design.components.some((c) => c.audit?.logs)) {
      reportGap(ctx, {
        subject: SYSTEM, field: 'audit',
        why: `to the systems that contain or use ePHI: no component records activity, so access to ${listOf(targets.map((t) => t.component.id))} leaves no trace`,
        evidence: { components: targets.map((t) => t.component.id).join(', ') },
        severity: 'error',
      });
      return;
    }
    for (const { component: c, assets } of targets) {
      const subject = componentRef(c);
      if (c.audit?.logs === undefined) {
        reportGap(ctx, { subject, field: 'audit.logs', why: `so activity on the ePHI it handles (${assets.join(', ')}) is recorded`, evidence: { data: assets.join(', ') } });
      } else if (!c.audit.logs) {
        ctx.report({ subject, field: ['audit', 'logs'], message: `${c.id} handles ePHI (${assets.join(', ')}) with audit logging switched off.`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
