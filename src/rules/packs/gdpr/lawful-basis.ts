import { isPersonal } from '../compliance/classify.js';
import { defineComplianceRule } from '../compliance/control.js';
import { dataRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';

export default defineComplianceRule({
  id: 'gdpr/lawful-basis',
  severity: 'error',
  regime: 'gdpr',
  summary: 'Personal data with no lawful basis for processing.',
  rationale:
    'Processing of personal data is lawful "only if and to the extent that" one of the six bases of Art. 6(1) applies. A data asset without a stated basis cannot be shown to be processed lawfully, and the basis decides which rights apply (portability only for consent and contract, objection for legitimate interests).',
  citations: ['GDPR Art. 6(1)', 'GDPR Art. 5(2)'],
  fix: 'Add `lawfulBasis:` to the data asset (consent, contract, legal-obligation, vital-interests, public-task or legitimate-interests), or one per entry of `purposes:`.',
  control: {
    id: 'Art. 6(1)',
    title: 'Lawful basis for every personal data asset',
    appliesTo: ({ design }) => design.data.filter(isPersonal).map((d) => dataRef(d.id)),
  },
  check(ctx) {
    for (const asset of ctx.design.data) {
      if (!isPersonal(asset) || asset.lawfulBasis) continue;
      const purposes = asset.purposes ?? [];
      const without = purposes.filter((p) => !p.lawfulBasis).map((p) => p.name);
      if (purposes.length > 0 && without.length === 0) continue;
      reportGap(ctx, {
        subject: dataRef(asset.id),
        field: 'lawfulBasis',
        why: `so the processing of this personal data (${asset.classification.join(', ')}) rests on an Art. 6(1) basis`,
        evidence: { classification: asset.classification.join(', '), purposesWithoutBasis: without.join(', ') || 'none stated' },
        severity: 'error',
      });
    }
  },
});
