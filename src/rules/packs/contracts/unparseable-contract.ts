import { formatLocation } from '../../../model/errors.js';
import { defineRule } from '../../types.js';
import { providerContracts } from './provider-contracts.js';

export default defineRule({
  id: 'contracts/unparseable-contract',
  severity: 'error',
  summary: 'A contract file the design names that archwright cannot read as OpenAPI 3, protobuf or AsyncAPI.',
  rationale:
    'A contract is how consumers and providers agree on an interface. One that does not parse (a syntax error, a `$ref` to nothing, an unknown format) cannot be checked against the links that use it, generated into clients, or compared with its next version, so every compatibility check on it is silently skipped.',
  citations: ['Guide §6 Evaluate Compatibility', 'Guide §4 Standardize Protocols'],
  fix: 'Fix the contract at the reported line, or point `contract:` at the right file (OpenAPI 3.x, AsyncAPI 2/3 or .proto).',
  check(ctx) {
    for (const [owner, contracts] of providerContracts(ctx)) {
      for (const c of contracts) {
        const error = c.errors[0];
        if (!error) continue;
        ctx.report({
          subject: { kind: c.ref.owner.kind, id: owner },
          source: c.ref.source,
          field: c.ref.field,
          detail: c.ref.written,
          message: `The contract ${c.ref.written} of ${owner} cannot be used: ${formatLocation(error.location)}: ${error.message}.`,
          evidence: { contract: c.ref.path, at: formatLocation(error.location), problems: c.errors.length },
        });
      }
    }
  },
});
