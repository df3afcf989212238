import type { Link } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { explainingDecision, internalCall, isServiceToService, normal } from './internal-calls.js';

export default defineRule({
  id: 'protocols/mixed-internal-protocols',
  severity: 'warning',
  summary: 'More than one protocol for synchronous service-to-service calls, with no declared standard.',
  rationale:
    'The same kind of call made in several protocols multiplies client libraries, security set-ups and tracing, for no gain. When the design declares no `system.standards.internalProtocol`, the protocol most links use is taken as the norm and every other one is reported once, with the counts. (With a declared standard, protocols/nonstandard-internal-protocol judges each link instead.) Links explained by an accepted decision are not counted.',
  citations: ['Guide §4 Standardize Protocols', 'Guide §6 Maintain Protocols'],
  fix: 'Choose one protocol for service-to-service calls, declare it in `system.standards.internalProtocol`, and move the other links to it (or record a decision for each exception).',
  check(ctx) {
    const { design } = ctx;
    if (design.system.standards?.internalProtocol) return;
    const byProtocol = new Map<string, Link[]>();
    for (const link of design.links) {
      const call = internalCall(design, link);
      if (!call || !isServiceToService(call) || explainingDecision(ctx, link)) continue;
      const key = normal(link.protocol);
      let list = byProtocol.get(key);
      if (!list) byProtocol.set(key, (list = []));
      list.push(link);
    }
    if (byProtocol.size < 2) return;
    const ranked = [...byProtocol].sort(([pa, a], [pb, b]) => b.length - a.length || (pa < pb ? -1 : 1));
    const [norm, normLinks] = ranked[0];
    const counts = ranked.map(([p, links]) => `${p} on ${links.length}`).join(', ');
    for (const [protocol, links] of ranked.slice(1)) {
      ctx.report({
        subject: { kind: 'system', id: 'system' },
        source: links[0].source,
        field: ['protocol'],
        detail: protocol,
        message: `Service-to-service calls use ${ranked.length} protocols (${counts}); the ${links.length} ${protocol} link${links.length === 1 ? '' : 's'}, first ${links[0].id}, differ from the usual ${norm}.`,
        evidence: { protocol, links: links.length, usual: norm, usualLinks: normLinks.length, first: links[0].id },
      });
    }
  },
});
