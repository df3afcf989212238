import { KIND_NAMES } from '../../../contracts/load.js';
import { contractFamilies, protocolFamily } from '../../../contracts/operations.js';
import { defineRule } from '../../types.js';
import { judgeUse, providerContracts } from './provider-contracts.js';

export default defineRule({
  id: 'contracts/protocol-mismatch',
  severity: 'error',
  summary: 'A contract served, or used, over a protocol its format does not speak.',
  rationale:
    'An OpenAPI contract is served over HTTP, a .proto service over gRPC, an AsyncAPI contract over the brokers its servers name. An interface that declares one protocol and a contract of another, a link to an existing system that speaks something other than what its contract offers, or a link that uses an operation only offered over another protocol, describe an integration that cannot work as drawn.',
  citations: ['Guide §6 Evaluate Compatibility', 'Guide §6 Maintain Protocols', 'Guide §4 Standardize Protocols'],
  fix: 'Make the link\'s (or interface\'s) protocol the one the contract is served over, or name the contract of the interface the link really calls.',
  check(ctx) {
    const { design } = ctx;
    const byProvider = providerContracts(ctx);
    for (const [owner, contracts] of byProvider) {
      for (const c of contracts) {
        if (!c.contract || !c.ref.protocol) continue;
        const implied = contractFamilies(c.contract);
        if (!implied || implied.has(protocolFamily(c.ref.protocol))) continue;
        ctx.report({
          subject: { kind: c.ref.owner.kind, id: owner },
          source: c.ref.source,
          field: [...c.ref.field.slice(0, -1), 'protocol'],
          detail: c.ref.written,
          message: `${owner} serves ${c.ref.written} (${KIND_NAMES[c.contract.kind]}) over ${c.ref.protocol}, which that format does not speak (${[...implied].join(', ')}).`,
          evidence: { contract: c.ref.written, format: c.contract.kind, protocol: c.ref.protocol, expected: [...implied].join(', ') },
        });
      }
    }
    for (const link of design.links) {
      const contracts = byProvider.get(link.to);
      if (!contracts) continue;
      const target = design.byId.get(link.to);
      // An existing system that states no protocol offers what its contracts speak.
      const declared = target?.kind === 'existing' && (target.element.protocol || target.element.exposes?.length);
      if (target?.kind === 'existing' && !declared && !link.uses?.length) {
        const families = contracts.flatMap((c) => (c.families ? [...c.families] : []));
        if (families.length > 0 && !families.includes(protocolFamily(link.protocol))) {
          ctx.report({
            subject: { kind: 'link', id: link.id },
            field: ['protocol'],
            message: `Link ${link.id} speaks ${link.protocol}, but the existing system ${link.to} offers ${[...new Set(families)].join(', ')} (from its contract).`,
            evidence: { protocol: link.protocol, offers: [...new Set(families)].join(', ') },
          });
        }
      }
      link.uses?.forEach((use, i) => {
        const verdict = judgeUse(link, use, contracts);
        if (verdict.kind !== 'other-protocol') return;
        const offers = [...new Set(verdict.via.flatMap((c) => [...(c.families ?? [])]))].join(', ');
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['uses', i],
          detail: use,
          message: `Link ${link.id} uses ${use} over ${link.protocol}, but ${link.to} offers it only over ${offers} (${verdict.via.map((c) => c.ref.written).join(', ')}).`,
          evidence: { use, protocol: link.protocol, offers },
        });
      });
    }
  },
});
