import { defineRule } from '../../types.js';
import { callsOwnCode, explainingDecision, internalCall, sameProtocol, usesStoreProtocol } from './internal-calls.js';

export default defineRule({
  id: 'protocols/nonstandard-internal-protocol',
  severity: 'warning',
  summary: 'An internal link that does not use the declared internal protocol, with no decision saying why.',
  rationale:
    'One protocol inside the system means one way to generate clients, secure, trace and debug calls. Each exception costs tooling and knowledge; sometimes it is worth it, and then an accepted decision should say so. Synchronous calls to our own services are compared with `system.standards.internalProtocol`, asynchronous ones with `asyncProtocol` when it is set; calls in a datastore\'s own protocol (sql, redis, …) and links to external parties or untrusted zones are not judged.',
  citations: ['Guide §4 Standardize Protocols', 'Guide §6 Maintain Protocols'],
  fix: 'Switch the link to the standard protocol, or record an accepted decision whose `about` names the link or one of its ends and whose text names the protocol.',
  check(ctx) {
    const { design } = ctx;
    const internalStandard = design.system.standards?.internalProtocol;
    const asyncStandard = design.system.standards?.asyncProtocol;
    if (!internalStandard && !asyncStandard) return;
    for (const link of design.links) {
      const standard = link.mode === 'async' ? asyncStandard : internalStandard;
      // Most links follow the standard: settle those before looking their ends up.
      if (!standard || sameProtocol(standard, link.protocol) || usesStoreProtocol(link)) continue;
      const call = internalCall(design, link);
      if (!call || (link.mode === 'sync' && !callsOwnCode(call))) continue;
      if (explainingDecision(ctx, link)) continue;
      ctx.report({
        subject: { kind: 'link', id: link.id },
        field: ['protocol'],
        message: `Link ${link.id} uses ${link.protocol}, not the ${link.mode === 'async' ? 'asynchronous' : 'internal'} standard ${standard}, and no accepted decision says why.`,
        evidence: { protocol: link.protocol, standard, mode: link.mode },
      });
    }
  },
});
