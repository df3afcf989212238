import type { LinkEnd } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { sameProtocol } from './internal-calls.js';

export default defineRule({
  id: 'protocols/protocol-not-exposed',
  severity: 'error',
  summary: 'A link whose protocol the target does not offer among its exposed interfaces.',
  rationale:
    'A caller can only speak a protocol the callee serves. When a link and the target\'s `exposes:` disagree, one of them is wrong: the integration breaks at implementation time, or the interface list no longer describes the component. Targets that declare no interfaces (typical of datastores and queues) are not judged.',
  citations: ['Guide §6 Evaluate Compatibility', 'Guide §6 Maintain Protocols'],
  fix: 'Change the link to a protocol the target exposes, or add the interface to the target\'s `exposes:`.',
  check(ctx) {
    for (const link of ctx.design.links) {
      const target = link.toEnd;
      if (offers(target, link.protocol)) continue;
      const offered = offeredBy(target);
      if (offered.length === 0) continue;
      const list = [...new Set(offered)].join(', ');
      ctx.report({
        subject: { kind: 'link', id: link.id },
        field: ['protocol'],
        message: `Link ${link.id} speaks ${link.protocol}, but ${link.to} exposes only ${list}.`,
        evidence: { protocol: link.protocol, exposes: list },
      });
    }
  },
});

/** Whether the target offers `protocol`; asked of every link, so it builds no list. */
function offers(target: LinkEnd, protocol: string): boolean {
  for (const i of target.element.exposes ?? []) if (sameProtocol(i.protocol, protocol)) return true;
  return target.kind === 'existing' && !!target.element.protocol && sameProtocol(target.element.protocol, protocol);
}

function offeredBy(target: LinkEnd): string[] {
  const offered = (target.element.exposes ?? []).map((i) => i.protocol);
  if (target.kind === 'existing' && target.element.protocol) offered.push(target.element.protocol);
  return offered;
}
