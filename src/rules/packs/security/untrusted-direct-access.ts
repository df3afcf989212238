import { defineRule } from '../../types.js';
import { endpoints, STORE_KINDS, TRUST_RANK, UNTRUSTED_MAX, zoneName } from './trust.js';

export default defineRule({
  id: 'security/untrusted-direct-access',
  severity: 'warning',
  summary: 'A component in a trusted zone is reached straight from an untrusted zone, not through a gateway.',
  rationale:
    'A trust boundary is only as strong as its crossings. When callers in an untrusted zone (the internet, a DMZ) reach internal services directly, every such service has to authenticate, authorise, validate and throttle on its own, and one that forgets becomes the way in. Funnel crossings through a gateway — one enforcement point that can be hardened, monitored and rate limited. Datastores reached this way are reported by security/datastore-across-trust-boundary.',
  citations: [
    'OWASP ASVS 4.0.3 V1.14.1 (segregation of components of differing trust levels through … API gateways, reverse proxies …) and V1.4.1 (trusted enforcement points enforce access controls)',
    'NIST SP 800-53 Rev. 5 SC-7 Boundary Protection; SC-7(3) Access Points',
    'OWASP Top 10 2021 A04 Insecure Design',
    'Guide §4 Security and Compliance: Protect Data',
  ],
  fix: 'Route the call through a gateway (kind: gateway) in the edge zone, or move the caller into the trusted zone if it belongs there.',
  check(ctx) {
    const { design } = ctx;
    const at = endpoints(ctx);
    const zoned = design.zones.length > 0;
    for (const c of design.components) {
      if (c.kind === 'external') continue;
      if (!c.zone) {
        if (zoned) {
          ctx.report({
            subject: { kind: 'component', id: c.id },
            field: ['id'],
            detail: 'zone',
            message: `${c.id} is in no zone, so its trust boundary cannot be checked: not stated: add \`zone\`.`,
            evidence: { component: c.id, zones: design.zones.length },
          });
        }
        continue;
      }
      const self = at(c);
      if (c.kind === 'gateway' || self.trust === undefined || self.trust <= UNTRUSTED_MAX) continue;
      c.exposes.forEach((iface, i) => {
        if (!iface.public) return;
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['exposes', i, 'public'],
          detail: `exposes-${i}`,
          message: `${c.id} sits in ${zoneName(self)} yet exposes ${iface.protocol} publicly, bypassing any gateway.`,
          evidence: { component: c.id, zone: self.zone!.id, protocol: iface.protocol },
        });
      });
      if (STORE_KINDS.has(c.kind)) continue;
      for (const link of design.linksTo.get(c.id) ?? []) {
        const from = at(link.fromEnd.element);
        if (from.trust === undefined || from.trust > UNTRUSTED_MAX || from.trust >= self.trust) continue;
        if (from.component?.kind === 'gateway') continue; // the sanctioned crossing
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['to'],
          severity: from.trust === TRUST_RANK.none ? 'error' : 'warning',
          message: `${link.from} in ${zoneName(from)} calls ${c.id} in ${zoneName(self)} directly, not through a gateway.`,
          evidence: { from: link.from, fromZone: from.zone?.id ?? 'none', to: c.id, toZone: self.zone!.id, protocol: link.protocol },
        });
      }
    }
  },
});
