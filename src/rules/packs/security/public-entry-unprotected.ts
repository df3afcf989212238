import type { Component, Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { adminInterface, operatorEntryPoints } from './trust.js';

/**
 * A frontend whose every call goes to a gateway is a client (a widget, a single
 * page app): the requests it causes are throttled where they enter, at the gateway.
 */
function callsOnlyGateways(design: Design, c: Component): boolean {
  for (const link of design.linksFrom.get(c.id) ?? []) {
    const to = link.toEnd;
    if (to.kind !== 'component' || to.element.kind !== 'gateway') return false;
  }
  return true;
}

export default defineRule({
  id: 'security/public-entry-unprotected',
  severity: 'warning',
  summary: 'A public entry point has neither rate limiting nor a web application firewall.',
  rationale:
    'Whatever faces the internet receives credential stuffing, scraping, floods and injection probes from the day it goes live. A rate limit keeps one client from exhausting capacity meant for all; a WAF drops known attack patterns before they reach code. An entry point with neither relies on every service behind it to cope alone.',
  citations: [
    'OWASP ASVS 4.0.3 V11.1.4 (anti-automation controls protect against excessive calls such as mass data exfiltration, business logic requests, file uploads or denial of service attacks)',
    'NIST SP 800-53 Rev. 5 SC-5 Denial-of-Service Protection; SC-7 Boundary Protection',
    'CIS Controls v8 Safeguard 13.10 Perform Application Layer Filtering',
    'OWASP Top 10 2021 A04 Insecure Design',
  ],
  fix: 'Put the entry point behind the gateway, or state its protection: `rateLimit: 100/s` and/or `waf: true` on the public interface.',
  check(ctx) {
    const { design } = ctx;
    const operators = ctx.shared('security/operator-entry-points', () => operatorEntryPoints(design));
    for (const c of design.components) {
      // Admin and operator interfaces are security/public-admin-interface's, with a stronger fix.
      if (c.kind === 'external' || adminInterface(c, operators.get(c.id))) continue;
      const open = c.exposes.map((iface, i) => ({ iface, i })).filter(({ iface }) => iface.public && !iface.rateLimit && !iface.waf);
      if (open.length === 0) continue;
      if (c.kind === 'frontend' && callsOnlyGateways(design, c)) continue;
      const first = open[0];
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: ['exposes', first.i],
        message: `${c.id} faces the internet (${open.map(({ iface }) => iface.protocol).join(', ')}) with neither a rate limit nor a WAF.`,
        evidence: { component: c.id, kind: c.kind, publicInterfaces: open.length },
      });
    }
  },
});
