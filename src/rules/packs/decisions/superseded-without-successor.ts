import { suggestNearest } from '../../../model/errors.js';
import { defineRule } from '../../types.js';

const MAX_SUGGESTIONS = 100;

export default defineRule({
  id: 'decisions/superseded-without-successor',
  severity: 'warning',
  summary: 'A superseded decision that does not say which decision replaced it.',
  rationale:
    'A superseded decision tells readers "this no longer holds" but not what does. Without a successor the current decision is lost, and the design cannot be defended with the reasoning behind it.',
  citations: ['Guide §1 Iteration (the design evolves)', 'Guide §5 Communicate Effectively'],
  fix: 'Set `supersededBy:` to the id of the decision that replaced it (write that decision if it does not exist).',
  check(ctx) {
    const { design } = ctx;
    const decisionIds = design.decisions.map((d) => d.id);
    let suggestions = 0;
    for (const d of design.decisions) {
      if (d.status !== 'superseded' && d.supersededBy === undefined) continue;
      if (d.supersededBy === undefined) {
        ctx.report({
          subject: { kind: 'decision', id: d.id },
          field: ['status'],
          message: `Decision ${d.id} ("${d.title}") is superseded, but not stated: add \`supersededBy\`.`,
          evidence: { status: d.status },
        });
        continue;
      }
      const successor = design.byId.get(d.supersededBy);
      if (successor?.kind === 'decision') continue;
      // Each suggestion scans every decision; a bound keeps a design full of stale references linear.
      const nearest = suggestions++ < MAX_SUGGESTIONS ? suggestNearest(d.supersededBy, decisionIds) : undefined;
      const what = successor ? `a ${successor.kind}, not a decision` : 'not in the design';
      ctx.report({
        subject: { kind: 'decision', id: d.id },
        field: ['supersededBy'],
        message: `Decision ${d.id} is superseded by "${d.supersededBy}", which is ${what}${nearest ? ` (did you mean "${nearest}"?)` : ''}.`,
        evidence: nearest ? { supersededBy: d.supersededBy, nearest } : { supersededBy: d.supersededBy },
      });
    }
  },
});
