import type { Link } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { isStoreKind } from '../compliance/data-map.js';
import { linkRef } from '../compliance/refs.js';
import { isUntrustedZone, pciScope, scopeOf, type PciScope } from './scope.js';

/** Links into a CDE component. */
function intoCde(links: Link[], scope: PciScope): Link[] {
  const cde = new Set(scope.cde.map((c) => c.id));
  return links.filter((l) => cde.has(l.to) && !cde.has(l.from));
}

export default defineComplianceRule({
  id: 'pci/cde-segmentation',
  severity: 'error',
  regime: 'pci',
  summary: 'An untrusted network reaches into the cardholder data environment past its entry point, or straight to a store of card data.',
  rationale:
    'Inbound traffic to the CDE is "restricted to only traffic that is necessary" (Req. 1.3.1); inbound traffic from untrusted networks reaches only "system components that are authorized to provide publicly accessible services" (Req. 1.4.2); and "system components that store cardholder data are not directly accessible from untrusted networks" (Req. 1.4.4). A link from an untrusted zone should end at the CDE\'s gateway, never at a service or a store behind it.',
  citations: ['PCI DSS v4.0.1 Req. 1.3.1', 'PCI DSS v4.0.1 Req. 1.4.2', 'PCI DSS v4.0.1 Req. 1.4.4'],
  fix: 'Route traffic from untrusted zones through the CDE\'s gateway (kind: gateway), and never link an untrusted zone to a store.',
  control: {
    id: '1.3.1, 1.4.2, 1.4.4',
    title: 'Connections into the CDE are restricted',
    appliesTo: (scope) => intoCde(scope.design.links, scopeOf(scope)).map(linkRef),
  },
  check(ctx) {
    const scope = pciScope(ctx.design, ctx.shared);
    for (const link of intoCde(ctx.design.links, scope)) {
      const from = scope.map.components.get(link.from);
      const to = scope.map.components.get(link.to)!;
      const zone = from ? scope.map.zoneOf(from) : undefined;
      if (!from || !isUntrustedZone(zone?.trust)) continue;
      if (isStoreKind(to)) {
        ctx.report({
          subject: linkRef(link),
          message: `${link.from}, in untrusted zone ${zone!.id}, reaches ${link.to}, a store in the cardholder data environment, directly.`,
          evidence: { fromZone: zone!.id, trust: zone!.trust, to: link.to, toKind: to.kind },
        });
      } else if (to.kind !== 'gateway') {
        ctx.report({
          subject: linkRef(link),
          message: `${link.from}, in untrusted zone ${zone!.id}, calls ${link.to} inside the cardholder data environment without passing its gateway.`,
          evidence: { fromZone: zone!.id, trust: zone!.trust, to: link.to, toKind: to.kind },
        });
      }
    }
  },
});
