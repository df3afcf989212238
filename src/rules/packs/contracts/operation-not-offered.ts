import { nearestOperation } from '../../../contracts/operations.js';
import type { AnyContract } from '../../../contracts/load.js';
import { defineRule } from '../../types.js';
import { judgeUse, providerContracts } from './provider-contracts.js';

export default defineRule({
  id: 'contracts/operation-not-offered',
  severity: 'error',
  summary: 'A link uses an operation, RPC or channel that the provider\'s contract does not offer.',
  rationale:
    'When a link says which operations it uses (`uses: [GET /users/{id}]`, `uses: [UserService.GetUser]`) and the provider\'s contract has no such operation, the consumer is built against an interface that does not exist: either the contract is out of date, the name is wrong, or the provider must add it. Integration fails late, when both sides meet.',
  citations: ['Guide §6 Evaluate Compatibility', 'Guide §6 Ensure Compatibility'],
  fix: 'Correct the name in `uses:` (HTTP method and path, Service.Method, or a channel), or add the operation to the provider\'s contract.',
  check(ctx) {
    const byProvider = providerContracts(ctx);
    for (const link of ctx.design.links) {
      const contracts = byProvider.get(link.to);
      if (!link.uses || !contracts || contracts.some((c) => !c.contract)) continue;
      link.uses.forEach((use, i) => {
        if (judgeUse(link, use, contracts).kind !== 'not-offered') return;
        const loaded = contracts.map((c) => c.contract).filter((c): c is AnyContract => c !== undefined);
        const nearest = nearestOperation(loaded, use);
        const files = contracts.map((c) => c.ref.written).join(', ');
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['uses', i],
          detail: use,
          message: `Link ${link.id} uses ${use}, which ${link.to}'s contract (${files}) does not offer${nearest ? `; did you mean ${nearest}?` : '.'}`,
          evidence: { use, provider: link.to, contracts: files, ...(nearest ? { nearest } : {}) },
        });
      });
    }
  },
});
