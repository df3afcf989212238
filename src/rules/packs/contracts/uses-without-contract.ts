import { defineRule } from '../../types.js';
import { providerContracts } from './provider-contracts.js';

export default defineRule({
  id: 'contracts/uses-without-contract',
  severity: 'info',
  summary: 'Links name the operations they use, but the provider names no contract to check them against.',
  rationale:
    'Listing the operations a link uses is half of a compatibility check; the provider\'s contract (OpenAPI, .proto, AsyncAPI) is the other half. Without it, neither a wrong operation name nor a later breaking change to the provider can be caught before integration.',
  citations: ['Guide §6 Evaluate Compatibility'],
  fix: 'Add `contract:` (a path relative to the design file) to the provider\'s interface in `exposes:`, or to the existing system.',
  check(ctx) {
    const { design } = ctx;
    const byProvider = providerContracts(ctx);
    const users = new Map<string, string[]>();
    for (const link of design.links) {
      if (!link.uses?.length || byProvider.has(link.to)) continue;
      const list = users.get(link.to) ?? [];
      list.push(link.id);
      users.set(link.to, list);
    }
    for (const [provider, links] of users) {
      const target = design.byId.get(provider);
      if (target?.kind !== 'component' && target?.kind !== 'existing') continue;
      ctx.report({
        subject: { kind: target.kind, id: provider },
        field: target.kind === 'component' ? ['exposes'] : [],
        message: `Not stated: ${provider} has no contract, so the operations ${links.length === 1 ? `link ${links[0]} uses` : `${links.length} links use`} cannot be checked; add \`contract\`.`,
        evidence: { links: links.join(', ') },
      });
    }
  },
});
