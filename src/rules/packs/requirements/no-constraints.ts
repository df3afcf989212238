import { defineRule } from '../../types.js';

export default defineRule({
  id: 'requirements/no-constraints',
  severity: 'warning',
  summary: 'A design that names no constraints (budget, deadline, engineers).',
  rationale:
    'Time, budget and people decide which design is realistic. A design written without them cannot be challenged on cost or effort, and the constraints arrive later as surprises during implementation.',
  citations: ['Guide §1 Research: anticipate potential constraints', 'Guide §2 Consider Constraints'],
  fix: 'Add `system.constraints` with at least one of `budget: { monthly: … }`, `deadline: YYYY-MM-DD`, `engineers: N` or `other: [...]`.',
  check(ctx) {
    const c = ctx.design.system.constraints;
    const named = [c?.budget, c?.deadline, c?.engineers, c?.other?.length ? c.other : undefined].filter((v) => v !== undefined).length;
    if (named > 0) return;
    ctx.report({
      subject: { kind: 'system', id: 'system' },
      source: ctx.design.system.source,
      field: ['constraints'],
      message: 'The design names no constraints: not stated: add `system.constraints` (budget, deadline, engineers).',
      evidence: { constraints: 0 },
    });
  },
});
