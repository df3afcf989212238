import { suggestNearest } from '../../../model/errors.js';
import { defineRule } from '../../types.js';

const MAX_SUGGESTIONS = 100;

export default defineRule({
  id: 'decisions/missing-reference',
  severity: 'warning',
  summary: 'A decision whose `about` names an element the design does not have.',
  rationale:
    'A decision record is only useful while it points at what it decided about. When an id in `about` no longer exists (renamed, removed, mistyped), the decision silently stops explaining anything, and rules that look for a decision (such as protocols/nonstandard-internal-protocol) no longer find it.',
  citations: ['Guide §2 Challenge Your Designs (prepared counterarguments)', 'Guide §1 Iteration (the design evolves)'],
  fix: 'Correct the id in `about:` (the nearest known id is suggested), or mark the decision superseded if what it was about is gone.',
  check(ctx) {
    const { design } = ctx;
    let known: string[] | undefined;
    let suggestions = 0;
    for (const d of design.decisions) {
      d.about.forEach((id, i) => {
        if (design.byId.has(id) || id === 'system') return;
        known ??= [...design.byId.keys()];
        // Each suggestion scans every id; a bound keeps a design full of stale references linear.
        const nearest = suggestions++ < MAX_SUGGESTIONS ? suggestNearest(id, known) : undefined;
        ctx.report({
          subject: { kind: 'decision', id: d.id },
          field: ['about', i],
          detail: id,
          message: `Decision ${d.id} is about "${id}", which is not in the design${nearest ? ` (did you mean "${nearest}"?)` : ''}.`,
          evidence: nearest ? { missing: id, nearest } : { missing: id },
          fix: nearest ? `Change "${id}" to "${nearest}" in \`about:\`, or remove it.` : undefined,
        });
      });
    }
  },
});
