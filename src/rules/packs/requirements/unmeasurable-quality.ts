import { defineRule } from '../../types.js';

export default defineRule({
  id: 'requirements/unmeasurable-quality',
  severity: 'warning',
  summary: 'A quality requirement without a measurable target.',
  rationale:
    '"Fast", "available" and "scalable" cannot be designed for or tested until they are numbers. A quality requirement without a target gives the capacity model nothing to check and the team nothing to agree on when it is challenged.',
  citations: ['Guide §2 Set Requirements', 'Guide §5 Communicate Effectively (data-backed arguments)'],
  fix: 'Add `target:` with a number a test can check, e.g. `{ workload: inbound, latencyP99: 300ms }` or `{ availability: 99.9% }`.',
  check(ctx) {
    for (const r of ctx.design.requirements) {
      if (r.kind !== 'quality') continue;
      const measures = Object.entries(r.target ?? {}).filter(([key, value]) => key !== 'workload' && value !== undefined).map(([key]) => key);
      if (measures.length > 0) continue;
      ctx.report({
        subject: { kind: 'requirement', id: r.id },
        field: ['target'],
        message: r.target
          ? `Quality requirement ${r.id} ("${r.text}") names a workload but no number to meet.`
          : `Quality requirement ${r.id} ("${r.text}") has no measurable target: not stated: add \`target\`.`,
        evidence: { requirement: r.id, measures: 0 },
      });
    }
  },
});
