import { defineRule } from '../../types.js';

export default defineRule({
  id: 'requirements/unserved-requirement',
  severity: 'warning',
  summary: 'A requirement that no component serves.',
  rationale:
    'A requirement nobody builds is either missing from the design or no longer a requirement. Either way the design and the requirements disagree, and the gap surfaces late — in acceptance testing or in production.',
  citations: ['Guide §2 Set Requirements; Determine Functionality'],
  fix: 'Add the requirement id to `serves:` of the component that delivers it, or drop the requirement.',
  check(ctx) {
    const served = new Set<string>();
    for (const c of ctx.design.components) for (const r of c.serves) served.add(r);
    for (const r of ctx.design.requirements) {
      if (r.kind === 'constraint' || served.has(r.id)) continue;
      ctx.report({
        subject: { kind: 'requirement', id: r.id },
        message: `Requirement ${r.id} ("${r.text}") is served by no component.`,
        evidence: { requirement: r.id, components: ctx.design.components.length },
      });
    }
  },
});
