import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf, type PhiScope } from './scope.js';

/** Mechanisms that identify a client or a shared secret, not a person. */
const NOT_PERSONAL = new Set(['none', 'apikey']);

function peopleFacing(scope: PhiScope): { component: Component; assets: readonly string[]; users: string[] }[] {
  return scope.handlers
    .filter((h) => h.component.kind !== 'external' && (scope.map.usersOf.get(h.component.id)?.length ?? 0) > 0)
    .map((h) => ({ ...h, users: scope.map.usersOf.get(h.component.id)!.map((u) => u.id) }));
}

export default defineComplianceRule({
  id: 'hipaa/unique-user-identity',
  severity: 'error',
  regime: 'hipaa',
  summary: 'People reach ePHI through an interface that does not identify each person.',
  rationale:
    '45 CFR 164.312(a)(2)(i) (Required) says to "assign a unique name and/or number for identifying and tracking user identity". An interface people use with no authentication, or with a shared API key, cannot tell who looked at a patient\'s record.',
  citations: ['HIPAA 45 CFR 164.312(a)(2)(i)'],
  fix: 'Authenticate the people who use the component individually (`auth: oidc`, `saml`, `oauth2`, `session`, …), not with a shared key.',
  control: {
    id: '164.312(a)(2)(i)',
    title: 'Unique user identification',
    appliesTo: (scope) => peopleFacing(scopeOf(scope)).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const { component: c, assets, users } of peopleFacing(phiScope(ctx.design, ctx.shared))) {
      const subject = componentRef(c);
      const publicOnes = c.exposes.some((i) => i.public);
      c.exposes.forEach((iface, i) => {
        if (publicOnes && !iface.public) return;
        if (iface.auth === undefined) {
          reportGap(ctx, { subject, field: `exposes.${i}.auth`, why: `so each of the people who use ${c.id} (${users.join(', ')}) is identified before reaching ePHI (${assets.join(', ')})`, evidence: { users: users.join(', '), data: assets.join(', ') } });
        } else if (NOT_PERSONAL.has(iface.auth)) {
          ctx.report({
            subject, field: ['exposes', i, 'auth'], detail: `exposes-${i}`,
            message: `${users.join(', ')} reach ePHI (${assets.join(', ')}) through ${c.id} with ${iface.auth === 'none' ? 'no authentication' : 'a shared API key'}, so nobody's access can be traced to a person.`,
            evidence: { auth: iface.auth, users: users.join(', '), data: assets.join(', ') },
          });
        }
      });
    }
  },
});
