import { isSad } from '../compliance/classify.js';
import { defineComplianceRule } from '../compliance/control.js';
import { assetsWhere } from '../compliance/data-map.js';
import { componentRef } from '../compliance/refs.js';
import { pciScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'pci/no-sad-after-authorisation',
  severity: 'error',
  regime: 'pci',
  summary: 'Sensitive authentication data (full track, card verification code, PIN) kept at rest.',
  rationale:
    'PCI DSS v4.0.1 Req. 3.3.1: "SAD is not retained after authorization, even if encrypted." That covers the full track (3.3.1.1), the card verification code (3.3.1.2) and the PIN and PIN block (3.3.1.3). A database, log, queue or backup that keeps SAD breaks it however well it is protected.',
  citations: ['PCI DSS v4.0.1 Req. 3.3.1', 'PCI DSS v4.0.1 Req. 3.3.1.1-3.3.1.3'],
  fix: 'Pass SAD through to the payment processor in memory only (`uses:`, never `stores:`), and keep it out of logs and queues.',
  control: {
    id: '3.3.1',
    title: 'No sensitive authentication data after authorisation',
    appliesTo: (scope) => scopeOf(scope).stores.map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const scope = pciScope(ctx.design, ctx.shared);
    for (const { component: c } of scope.stores) {
      const sad = assetsWhere(scope.map, scope.map.held.get(c.id), isSad);
      if (sad.length === 0) continue;
      ctx.report({
        subject: componentRef(c),
        field: c.stores.some((id) => sad.includes(id)) ? ['stores'] : undefined,
        message: `${c.id} (${c.kind}) keeps sensitive authentication data (${sad.join(', ')}) at rest, which PCI DSS forbids after authorisation even if encrypted.`,
        evidence: { data: sad.join(', '), kind: c.kind },
      });
    }
  },
});
