import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { phiScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'hipaa/business-associate',
  severity: 'error',
  regime: 'hipaa',
  summary: 'An external party that receives, keeps or sends ePHI with no business associate agreement.',
  rationale:
    'A covered entity "may permit a business associate to create, receive, maintain, or transmit electronic protected health information on the covered entity\'s behalf only if the covered entity obtains satisfactory assurances" (45 CFR 164.308(b)(1)), documented "through a written contract or other arrangement" (164.308(b)(3)); the Privacy Rule says the same of disclosures (164.502(e)). Every external party that touches ePHI needs a BAA.',
  citations: ['HIPAA 45 CFR 164.308(b)(1)', 'HIPAA 45 CFR 164.308(b)(3)', 'HIPAA 45 CFR 164.502(e)(1)', 'HIPAA 45 CFR 164.314(a)'],
  fix: 'Sign a business associate agreement and add `baa` to the party\'s `agreements:`, or stop sending it ePHI.',
  control: {
    id: '164.308(b)(1)',
    title: 'Business associate agreements',
    appliesTo: (scope) => scopeOf(scope).handlers.filter((h) => h.component.kind === 'external').map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const { component: c, assets } of phiScope(ctx.design, ctx.shared).handlers) {
      if (c.kind !== 'external' || c.agreements.includes('baa')) continue;
      ctx.report({
        subject: componentRef(c),
        field: ['agreements'],
        message: `${c.id} receives or keeps ePHI (${assets.join(', ')}) with no business associate agreement.`,
        evidence: { data: assets.join(', '), agreements: c.agreements.join(', ') || 'none' },
      });
    }
  },
});
