import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { isStoreKind } from '../compliance/data-map.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { personalScope, scopeOf } from './scope.js';

/** Ours, handling personal data: external parties answer for their own exposure. */
const ours = (c: Component) => c.kind !== 'external';

export default defineComplianceRule({
  id: 'gdpr/private-by-default',
  severity: 'error',
  regime: 'gdpr',
  summary: 'Personal data reachable by anyone: an unauthenticated public interface, or a store in an untrusted zone.',
  rationale:
    'Data protection by default means that "by default personal data are not made accessible without the individual\'s intervention to an indefinite number of natural persons" (Art. 25(2)). A public interface with no authentication in front of personal data, or a store placed in a zone nobody trusts, does exactly that.',
  citations: ['GDPR Art. 25(2)', 'GDPR Art. 32(2)'],
  fix: 'Put authentication (`auth:`) on every public interface of a component handling personal data, and keep its stores in a trusted zone.',
  control: {
    id: 'Art. 25(2)',
    title: 'Personal data not public by default',
    appliesTo: (scope) => scopeOf(scope).handlers.filter((h) => ours(h.component)).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    const { handlers, map } = personalScope(ctx.design, ctx.shared);
    for (const { component: c, assets } of handlers) {
      if (!ours(c)) continue;
      const subject = componentRef(c);
      c.exposes.forEach((iface, i) => {
        if (!iface.public) return;
        if (iface.auth === undefined) {
          reportGap(ctx, { subject, field: `exposes.${i}.auth`, why: `to its public ${iface.protocol} interface, which fronts personal data (${assets.join(', ')})`, evidence: { protocol: iface.protocol, data: assets.join(', ') } });
        } else if (iface.auth === 'none') {
          ctx.report({
            subject, field: ['exposes', i, 'auth'], detail: `exposes-${i}`,
            message: `${c.id} exposes personal data (${assets.join(', ')}) on a public ${iface.protocol} interface with no authentication.`,
            evidence: { protocol: iface.protocol, data: assets.join(', ') },
          });
        }
      });
      const zone = map.zoneOf(c);
      if (isStoreKind(c) && zone?.trust === 'none' && (map.held.get(c.id)?.size ?? 0) > 0) {
        ctx.report({
          subject, field: ['zone'], detail: 'zone',
          message: `${c.id} holds personal data (${assets.join(', ')}) in ${zone.id}, a zone with no trust.`,
          evidence: { zone: zone.id, trust: zone.trust, data: assets.join(', ') },
        });
      }
    }
  },
});
