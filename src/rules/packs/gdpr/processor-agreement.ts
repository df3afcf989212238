import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { personalScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'gdpr/processor-agreement',
  severity: 'error',
  regime: 'gdpr',
  summary: 'An external party handling personal data with no stated role, no DPA, or undeclared sub-processors.',
  rationale:
    'A controller "shall use only processors providing sufficient guarantees" (Art. 28(1)), and processing by a processor "shall be governed by a contract or other legal act" setting out its obligations (Art. 28(3)). The processor "shall not engage another processor without prior specific or general written authorisation of the controller" (Art. 28(2)), so its sub-processors must be known.',
  citations: ['GDPR Art. 28(1)', 'GDPR Art. 28(2)', 'GDPR Art. 28(3)'],
  fix: 'State `processor: true` (on our behalf) or `false` (an independent controller); for processors sign a DPA (`agreements: [dpa]`) and list `subProcessors:` ([] when none).',
  control: {
    id: 'Art. 28',
    title: 'Processors under a DPA with declared sub-processors',
    appliesTo: (scope) => scopeOf(scope).handlers.filter((h) => h.component.kind === 'external').map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const { handlers } = personalScope(ctx.design, ctx.shared);
    for (const { component: c, assets } of handlers) {
      if (c.kind !== 'external') continue;
      const subject = componentRef(c);
      if (c.processor === undefined) {
        reportGap(ctx, {
          subject,
          field: 'processor',
          why: `(true when ${c.id} processes the personal data it receives (${assets.join(', ')}) on our behalf, false when it is an independent controller)`,
          evidence: { data: assets.join(', ') },
        });
        continue;
      }
      if (!c.processor) continue;
      if (!c.agreements.includes('dpa')) {
        ctx.report({
          subject,
          field: ['agreements'],
          message: `${c.id} processes personal data (${assets.join(', ')}) on our behalf with no data processing agreement.`,
          evidence: { data: assets.join(', '), agreements: c.agreements.join(', ') || 'none' },
          detail: 'dpa',
        });
      }
      if (c.subProcessors === undefined) {
        reportGap(ctx, {
          subject,
          field: 'subProcessors',
          why: `so the sub-processors ${c.id} engages are known and authorised ([] when it engages none)`,
          evidence: { data: assets.join(', ') },
        });
      }
    }
  },
});
