import type { Component, DataAsset, Design, Link } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { isSensitive, sensitiveLabel } from '../../sensitivity.js';
import { assets, describeAssets } from './trust.js';

const NOTHING: readonly DataAsset[] = [];

function heldSensitive(design: Design, c: Component): readonly DataAsset[] {
  // Most components store nothing: asked of every component, so it allocates only when there is data.
  return c.stores.length === 0 ? NOTHING : assets(design, c.stores).filter(isSensitive);
}

/** The auth a link uses: its own, else that of the callee's interface for the same protocol. */
function authOf(link: Link, callee: Component): string | undefined {
  if (link.auth) return link.auth;
  const protocol = link.protocol.toLowerCase();
  return callee.exposes.find((i) => i.protocol.toLowerCase() === protocol && i.auth)?.auth;
}

export default defineRule({
  id: 'security/unauthenticated-sensitive-access',
  severity: 'error',
  summary: 'A component that holds sensitive data can be reached without authentication.',
  rationale:
    'A store of personal, health, card or credential data that accepts unauthenticated calls trusts the network to keep callers out. One compromised neighbour, one misconfigured security group, and the data is readable by anyone. Every caller of a component holding sensitive data should prove who it is.',
  citations: [
    'OWASP ASVS 4.0.3 V1.2.2 (communications between application components, including APIs, middleware and data layers, are authenticated)',
    'OWASP Top 10 2021 A07 Identification and Authentication Failures; A01 Broken Access Control',
    'NIST SP 800-53 Rev. 5 IA-9 Service Identification and Authentication; AC-3 Access Enforcement',
    'Guide §4 Security and Compliance: Protect Data',
  ],
  fix: 'State the authentication the caller uses on the link (`auth: mtls`, `iam`, `oauth2` …), and require it on the callee\'s interface.',
  check(ctx) {
    const { design } = ctx;
    for (const c of design.components) {
      if (c.kind === 'external') continue;
      // A secrets store holds credentials by definition, whatever its `stores` says.
      const held = heldSensitive(design, c);
      if (held.length === 0 && c.kind !== 'secrets') continue;
      // Described only for a finding: most stores have none.
      const what = () => (c.kind === 'secrets' ? 'secrets' : describeAssets(held, sensitiveLabel));
      c.exposes.forEach((iface, i) => {
        if (iface.auth !== 'none') return;
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: ['exposes', i, 'auth'],
          detail: `exposes-${i}`,
          message: `${c.id} holds ${what()} but exposes ${iface.protocol}${iface.public ? ' publicly' : ''} with \`auth: none\`.`,
          evidence: { component: c.id, protocol: iface.protocol, public: String(iface.public) },
        });
      });
      for (const link of design.linksTo.get(c.id) ?? []) {
        const auth = authOf(link, c);
        if (auth === undefined) {
          ctx.report({
            subject: { kind: 'link', id: link.id },
            field: ['protocol'],
            severity: 'warning',
            message: `Link ${link.id} reaches ${c.id}, which holds ${what()}, and states no authentication: not stated: add \`auth\`.`,
            evidence: { callee: c.id, protocol: link.protocol, auth: 'not stated' },
          });
        } else if (auth === 'none') {
          ctx.report({
            subject: { kind: 'link', id: link.id },
            field: link.auth ? ['auth'] : ['to'],
            message: `Link ${link.id} reaches ${c.id}, which holds ${what()}, without authentication.`,
            evidence: { callee: c.id, protocol: link.protocol, auth: 'none' },
          });
        }
      }
    }
  },
});
