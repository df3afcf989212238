import type { Link } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { assetRank, isSensitive, LEVELS, sensitiveLabel } from '../../sensitivity.js';
import { assets, describeAssets, endpoints } from './trust.js';

/** Protocols that are encrypted by definition: without `tls` stated, a link over them still counts as encrypted. */
const ENCRYPTED_PROTOCOLS = new Set(['https', 'wss', 'grpcs', 'sftp', 'ssh', 'ftps', 'smtps', 'imaps', 'ldaps', 'amqps', 'mqtts', 'tls']);
const RESTRICTED = LEVELS.indexOf('restricted');

function encrypted(link: Link): boolean {
  if (link.tls === 'tls' || link.tls === 'mtls') return true;
  if (link.tls === 'none') return false;
  return ENCRYPTED_PROTOCOLS.has(link.protocol.toLowerCase());
}

export default defineRule({
  id: 'security/plaintext-sensitive-link',
  severity: 'error',
  summary: 'Sensitive data travels over a link without TLS.',
  rationale:
    'Anyone on the network path can read or alter data sent in the clear: a compromised pod, a misrouted packet capture, a cloud neighbour. Internal networks are not a trust boundary. A link that carries personal, health, card or credential data without TLS exposes it on every hop. Where `tls` is not stated and the protocol is not encrypted by definition (https, wss, sftp …), the design has not asked for encryption, so the link counts as unencrypted.',
  citations: [
    'OWASP ASVS 4.0.3 V1.9.1 (encrypt communications between components) and V9.2.2 (TLS for all inbound and outbound connections, including database connections)',
    'OWASP Top 10 2021 A02 Cryptographic Failures',
    'NIST SP 800-53 Rev. 5 SC-8 Transmission Confidentiality and Integrity; SC-8(1) Cryptographic Protection',
    'CIS Controls v8 Safeguard 3.10 Encrypt Sensitive Data in Transit',
    'Guide §4 Security and Compliance: Protect Data ("ensure secure communication between systems")',
  ],
  fix: 'Set `tls: tls` (or `tls: mtls` between services) on the link and use the encrypted form of the protocol (https, sql over TLS, grpc with TLS).',
  check(ctx) {
    const { design } = ctx;
    const at = endpoints(ctx);
    for (const link of design.links) {
      if (encrypted(link)) continue;
      const sensitive = assets(design, link.carries).filter(isSensitive);
      if (sensitive.length === 0) continue;
      const from = at(link.fromEnd.element);
      const to = at(link.toEnd.element);
      const crossesZone = from.zone?.id !== to.zone?.id;
      const restricted = sensitive.some((d) => (assetRank(d) ?? 0) >= RESTRICTED);
      const how = link.tls === 'none' ? 'with `tls: none`' : '`tls` not stated';
      const where = link.public ? 'over a public network' : crossesZone ? `from zone ${from.zone?.id ?? '(none)'} into zone ${to.zone?.id ?? '(none)'}` : `inside zone ${from.zone?.id ?? '(none)'}`;
      ctx.report({
        subject: { kind: 'link', id: link.id },
        field: link.tls === 'none' ? ['tls'] : ['protocol'],
        severity: restricted || crossesZone || link.public ? 'error' : 'warning',
        message: `Link ${link.id} carries ${describeAssets(sensitive, sensitiveLabel)} over ${link.protocol} without TLS (${how}), ${where}.`,
        evidence: {
          protocol: link.protocol,
          tls: link.tls ?? 'not stated',
          data: sensitive.map((d) => d.id).join(', '),
          fromZone: from.zone?.id ?? 'none',
          toZone: to.zone?.id ?? 'none',
        },
      });
    }
  },
});
