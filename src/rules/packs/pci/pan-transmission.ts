import type { Link } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { linkRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { transportOf } from '../compliance/transport.js';
import { isUntrustedZone, pciScope, scopeOf, type PciScope } from './scope.js';

/** Links carrying PAN across an open, public network: marked public, or with an end that is external or in an untrusted zone. */
function overPublicNetworks(scope: PciScope): { link: Link; assets: readonly string[]; why: string }[] {
  const out: { link: Link; assets: readonly string[]; why: string }[] = [];
  for (const { link, assets } of scope.panLinks) {
    const ends = [link.from, link.to].map((id) => scope.map.components.get(id)).filter((c) => c !== undefined);
    const external = ends.find((c) => c.kind === 'external');
    const untrusted = ends.find((c) => isUntrustedZone(scope.map.zoneOf(c)?.trust));
    const why = link.public ? 'marked public' : external ? `${external.id} is external` : untrusted ? `${untrusted.id} is in untrusted zone ${untrusted.zone}` : '';
    if (why) out.push({ link, assets, why });
  }
  return out;
}

export default defineComplianceRule({
  id: 'pci/pan-transmission',
  severity: 'error',
  regime: 'pci',
  summary: 'PAN sent over an open, public network without strong cryptography.',
  rationale:
    'PCI DSS v4.0.1 Req. 4.2.1: "Strong cryptography and security protocols are implemented to safeguard PAN during transmission over open, public networks", with only trusted keys and certificates accepted and no fallback to insecure versions. A link to an external party or from an untrusted zone crosses such a network.',
  citations: ['PCI DSS v4.0.1 Req. 4.2.1'],
  fix: 'Set `tls: tls` (TLS 1.2 or later, certificates validated) or `mtls` on the link.',
  control: {
    id: '4.2.1',
    title: 'PAN encrypted over public networks',
    appliesTo: (scope) => overPublicNetworks(scopeOf(scope)).map((l) => linkRef(l.link)),
  },
  check(ctx) {
    for (const { link, assets, why } of overPublicNetworks(pciScope(ctx.design, ctx.shared))) {
      const transport = transportOf(link);
      if (transport === 'unknown') {
        reportGap(ctx, { subject: linkRef(link), field: 'tls', why: `so the PAN it carries (${assets.join(', ')}) across a public network (${why}) is known to be encrypted`, evidence: { protocol: link.protocol, data: assets.join(', ') }, severity: 'error' });
      } else if (transport === 'plaintext') {
        ctx.report({
          subject: linkRef(link), field: ['tls'],
          message: `${link.id} carries PAN (${assets.join(', ')}) over a public network (${why}) in plaintext ${link.protocol}.`,
          evidence: { protocol: link.protocol, data: assets.join(', '), network: why },
        });
      }
    }
  },
});
