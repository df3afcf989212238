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
    const { design } = ctx;
    // By target, so each target is looked up once however many links reach it.
    for (const [to, links] of design.linksTo) {
      const target = design.byId.get(to);
      if (target?.kind !== 'component' && target?.kind !== 'existing') continue;
      const offered = (target.element.exposes ?? []).map((i) => i.protocol);
      if (target.kind === 'existing' && target.element.protocol) offered.push(target.element.protocol);
      if (offered.length === 0) continue;
      for (const link of links) {
        if (offered.some((p) => sameProtocol(p, link.protocol))) continue;
        const list = [...new Set(offered)].join(', ');
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['protocol'],
          message: `Link ${link.id} speaks ${link.protocol}, but ${link.to} exposes only ${list}.`,
          evidence: { protocol: link.protocol, exposes: list },
        });
      }
    }
  },
});
