import { isSpecialCategory } from '../compliance/classify.js';
import { defineComplianceRule } from '../compliance/control.js';
import { dataRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';

const ART_9_2 = /^(art\.?\s*)?9\(2\)\(([a-j])\)/i;

export default defineComplianceRule({
  id: 'gdpr/special-category-condition',
  severity: 'error',
  regime: 'gdpr',
  summary: 'Special-category data (health, biometric, …) with no Art. 9(2) condition.',
  rationale:
    'Processing of the special categories of Art. 9(1) (health, genetic, biometric for identification, racial or ethnic origin, political opinions, religious or philosophical beliefs, trade-union membership, sex life or orientation) "shall be prohibited" unless one of the conditions of Art. 9(2)(a)-(j) applies, in addition to an Art. 6 basis.',
  citations: ['GDPR Art. 9(1)', 'GDPR Art. 9(2)'],
  fix: 'Add `specialCategoryCondition:` naming the Art. 9(2) condition, e.g. 9(2)(a) explicit consent or 9(2)(h) health care.',
  control: {
    id: 'Art. 9(2)',
    title: 'Condition for special-category data',
    appliesTo: ({ design }) => design.data.filter(isSpecialCategory).map((d) => dataRef(d.id)),
  },
  check(ctx) {
    for (const asset of ctx.design.data) {
      if (!isSpecialCategory(asset)) continue;
      const conditions = asset.specialCategoryCondition
        ? [asset.specialCategoryCondition]
        : (asset.purposes ?? []).map((p) => p.specialCategoryCondition);
      if (conditions.length === 0 || conditions.some((c) => c === undefined)) {
        reportGap(ctx, {
          subject: dataRef(asset.id),
          field: 'specialCategoryCondition',
          why: `because ${asset.id} is special-category data (${asset.classification.join(', ')}) whose processing Art. 9(1) prohibits without an Art. 9(2) condition`,
          evidence: { classification: asset.classification.join(', ') },
          severity: 'error',
        });
        continue;
      }
      const invalid = conditions.filter((c) => !ART_9_2.test(c!.trim()));
      if (invalid.length > 0) {
        ctx.report({
          subject: dataRef(asset.id),
          field: ['specialCategoryCondition'],
          message: `${asset.id} names "${invalid[0]}" as its special-category condition, which is not one of Art. 9(2)(a)-(j).`,
          evidence: { condition: invalid[0]! },
        });
      }
    }
  },
});
