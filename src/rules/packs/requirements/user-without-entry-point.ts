import { defineRule } from '../../types.js';

export default defineRule({
  id: 'requirements/user-without-entry-point',
  severity: 'warning',
  summary: 'A user who uses nothing: no entry point says how they reach the system.',
  rationale:
    'Knowing who uses the system and how is part of the research. A user with no entry point is a group the design has not thought through: there is no interface, authentication or capacity planned for them.',
  citations: ['Guide §2 Understand User Needs'],
  fix: 'List the components this user reaches directly in `uses:` (a frontend, gateway or public API), or remove the user.',
  check(ctx) {
    for (const u of ctx.design.users) {
      if (u.uses.length > 0) continue;
      ctx.report({
        subject: { kind: 'user', id: u.id },
        field: ['uses'],
        message: `User ${u.id} (${u.kind}) has no entry point: not stated: add \`uses\`.`,
        evidence: { kind: u.kind },
      });
    }
  },
});
