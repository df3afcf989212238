import { defineRule } from '../../types.js';
import { isPersonal } from '../../sensitivity.js';
import { assets, SERVICE_KINDS } from './trust.js';

const USER_AUTH: ReadonlySet<string> = new Set(['oauth2', 'oidc', 'jwt', 'session', 'saml', 'password', 'basic']);

export default defineRule({
  id: 'security/missing-identity-propagation',
  severity: 'warning',
  summary: 'A call between services carries personal data but not the identity of the person it is for.',
  rationale:
    'When service A calls service B with only its own service identity, B cannot check that the user behind the request may see the data it returns — it must trust A completely (a confused deputy), and its audit log records "A" instead of the person. Passing the end user\'s identity (a token or signed claim) lets every service that handles a person\'s data enforce and record access per user.',
  citations: [
    'OWASP Microservices Security Cheat Sheet, "External Entity Identity Propagation"',
    'OWASP ASVS 4.0.3 V1.4.3 (enforcement of the principle of least privilege … protection against spoofing and elevation of privilege) and V1.4.5 (code checks the user\'s authorization for a feature/data item)',
    'NIST SP 800-53 Rev. 5 AC-3 Access Enforcement; AU-3 Content of Audit Records',
    'OWASP Top 10 2021 A01 Broken Access Control',
  ],
  fix: 'Propagate the end user\'s identity on the call (an internal token or signed claim issued at the edge, not the external access token itself) and set `identity: end-user` on the link.',
  check(ctx) {
    const { design } = ctx;
    // A design that states `identity` on no link has one gap, not one per link.
    const stated = design.links.some((l) => l.identity !== undefined);
    let unstated = 0;
    let first: string | undefined;
    for (const link of design.links) {
      if (link.identity === 'end-user' || link.carries.length === 0) continue;
      const from = link.fromEnd;
      const to = link.toEnd;
      if (from.kind !== 'component' || to.kind !== 'component') continue;
      if (!SERVICE_KINDS.has(from.element.kind) || !SERVICE_KINDS.has(to.element.kind)) continue;
      // A client sending the user's own token or session already carries the user's identity.
      if (from.element.kind === 'frontend' && link.auth && USER_AUTH.has(link.auth)) continue;
      const personal = assets(design, link.carries).filter(isPersonal);
      if (personal.length === 0) continue;
      const data = personal.map((d) => d.id).join(', ');
      if (!stated) {
        unstated++;
        first ??= link.id;
        continue;
      }
      ctx.report({
        subject: { kind: 'link', id: link.id },
        field: link.identity ? ['identity'] : ['carries'],
        message: link.identity
          ? `Link ${link.id} carries personal data (${data}) with \`identity: ${link.identity}\`, so ${link.to} cannot check which person it serves.`
          : `Link ${link.id} carries personal data (${data}) between services without saying whose identity it carries: not stated: add \`identity\`.`,
        evidence: { from: link.from, to: link.to, data, identity: link.identity ?? 'not stated' },
      });
    }
    if (unstated > 0) {
      ctx.report({
        subject: { kind: 'system', id: 'system' },
        field: ['name'],
        detail: 'identity',
        message: `No link says whose identity it carries, and ${unstated} link${unstated === 1 ? '' : 's'} between services carry personal data (first: ${first}): not stated: add \`identity\` to links.`,
        evidence: { links: unstated, first: first! },
      });
    }
  },
});
