import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'hipaa/access-control',
  severity: 'error',
  regime: 'hipaa',
  summary: 'A component handling ePHI exposes an interface with no access control.',
  rationale:
    '45 CFR 164.312(a)(1) requires technical policies and procedures for systems that maintain ePHI "to allow access only to those persons or software programs that have been granted access rights". An interface that anyone can call grants access to everyone.',
  citations: ['HIPAA 45 CFR 164.312(a)(1)'],
  fix: 'State `auth:` on every interface the component exposes (oidc, oauth2, mtls, …).',
  control: {
    id: '164.312(a)(1)',
    title: 'Access control on systems that maintain ePHI',
    appliesTo: (scope) => scopeOf(scope).handlers.filter((h) => h.component.kind !== 'external').map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const { component: c, assets } of phiScope(ctx.design, ctx.shared).handlers) {
      if (c.kind === 'external') continue;
      const subject = componentRef(c);
      c.exposes.forEach((iface, i) => {
        if (iface.auth === undefined) {
          reportGap(ctx, { subject, field: `exposes.${i}.auth`, why: `to the ${iface.protocol} interface of ${c.id}, which handles ePHI (${assets.join(', ')})`, evidence: { protocol: iface.protocol, data: assets.join(', ') } });
        } else if (iface.auth === 'none') {
          ctx.report({
            subject, field: ['exposes', i, 'auth'], detail: `exposes-${i}`,
            message: `${c.id} handles ePHI (${assets.join(', ')}) behind a ${iface.public ? 'public ' : ''}${iface.protocol} interface anyone can call.`,
            evidence: { protocol: iface.protocol, public: iface.public ? 'yes' : 'no', data: assets.join(', ') },
          });
        }
      });
    }
  },
});
