import { defineRule } from '../../types.js';

export default defineRule({
  id: 'simplicity/unreachable-component',
  severity: 'warning',
  summary: 'A component nothing reaches: no link in, no user, no workload.',
  rationale:
    'A component no link, user or workload reaches does no work in this design: it is a leftover, or the design is missing how it is called. Either way it is complexity without a purpose. External parties are not judged (they reach us); a secrets store or log sink counts as reached when a component names it in `secretsFrom` or `audit.sink`, and a job when it has any link (a scheduler starts it).',
  citations: ['Guide §3 Keep It Simple', 'Guide §2 Determine Functionality (avoid unnecessary features)'],
  fix: 'Add the link, user (`uses:`) or workload step that reaches it, or remove the component.',
  check(ctx) {
    const { design } = ctx;
    const reached = new Set<string>();
    for (const u of design.users) for (const id of u.uses) reached.add(id);
    for (const w of design.workloads) for (const node of w.nodes) reached.add(node.component);
    for (const c of design.components) {
      if (c.secretsFrom) reached.add(c.secretsFrom);
      if (c.audit?.sink) reached.add(c.audit.sink);
    }
    for (const c of design.components) {
      if (c.kind === 'external' || reached.has(c.id) || design.linksTo.has(c.id)) continue;
      if (c.kind === 'job' && design.linksFrom.has(c.id)) continue;
      ctx.report({
        subject: { kind: 'component', id: c.id },
        message: `Nothing reaches ${c.kind} ${c.id}: no link, user or workload calls it.`,
        evidence: { kind: c.kind, linksIn: 0, linksOut: design.linksFrom.get(c.id)?.length ?? 0 },
      });
    }
  },
});
