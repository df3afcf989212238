import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { listOf, reportGap, SYSTEM } from '../compliance/report.js';
import { pciScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'pci/cde-scope',
  severity: 'error',
  regime: 'pci',
  summary: 'A component that stores, processes or transmits account data outside the cardholder data environment.',
  rationale:
    'PCI DSS applies to the cardholder data environment: the system components that store, process or transmit cardholder data or sensitive authentication data (PCI DSS v4.0.1, "Scope of PCI DSS Requirements"). Scope must be confirmed to include "all locations where account data is stored, processed, and transmitted" (Req. 12.5.2), and the data-flow diagram must show all account data flows (Req. 1.2.4). A component handling PAN outside the zone marked as the CDE is scope nobody is protecting.',
  citations: ['PCI DSS v4.0.1 Scope of PCI DSS Requirements', 'PCI DSS v4.0.1 Req. 12.5.2', 'PCI DSS v4.0.1 Req. 1.2.4'],
  fix: 'Mark the zone holding the payment components `cde: true` and move every component that handles account data into it, or stop it handling account data (tokenise before it).',
  control: {
    id: 'Scope, 12.5.2',
    title: 'Account data stays inside the CDE',
    appliesTo: (scope) => scopeOf(scope).handlers.map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const scope = pciScope(ctx.design, ctx.shared);
    if (scope.handlers.length === 0) return;
    if (!scope.anyCdeZone) {
      reportGap(ctx, {
        subject: SYSTEM, field: 'zones.cde', shown: 'cde: true',
        why: `to the zone of the cardholder data environment: ${scope.handlers.length} components handle account data (${listOf(scope.handlers.map((h) => h.component.id))}) but no zone is marked as the CDE`,
        evidence: { components: scope.handlers.map((h) => h.component.id).join(', ') },
        severity: 'error',
      });
      return;
    }
    for (const { component: c, assets } of scope.handlers) {
      if (scope.inCde(c)) continue;
      if (!c.zone) {
        reportGap(ctx, { subject: componentRef(c), field: 'zone', why: `so it is clear that ${c.id}, which handles account data (${assets.join(', ')}), sits in the CDE`, evidence: { data: assets.join(', ') } });
        continue;
      }
      ctx.report({
        subject: componentRef(c), field: ['zone'],
        message: `${c.id} handles account data (${assets.join(', ')}) in zone ${c.zone}, outside the cardholder data environment.`,
        evidence: { zone: c.zone, data: assets.join(', ') },
      });
    }
  },
});
