/** What the contract rules share: each provider's contracts, loaded once per review. */
import { contractReferences, type ContractReference } from '../../../model/contract-files.js';
import type { Design, Link } from '../../../model/design.js';
import { loadContract, type AnyContract } from '../../../contracts/load.js';
import { contractFamilies, findOperation, protocolFamily } from '../../../contracts/operations.js';
import type { ContractError } from '../../../contracts/types.js';
import type { RuleContext } from '../../types.js';

export interface ProviderContract {
  ref: ContractReference;
  contract?: AnyContract;
  errors: ContractError[];
  /** Protocol families this interface serves: its declared protocol, else what the contract's format implies. */
  families?: Set<string>;
}

/** By provider id (component or existing system), the contracts it names. */
export function providerContracts(ctx: RuleContext): Map<string, ProviderContract[]> {
  return ctx.shared('contracts/by-provider', () => load(ctx.design));
}

function load(design: Design): Map<string, ProviderContract[]> {
  const out = new Map<string, ProviderContract[]>();
  const loaded = new Map<string, ReturnType<typeof loadContract>>();
  for (const ref of contractReferences(design)) {
    const file = design.contracts?.get(ref.path);
    if (!file) continue; // missing files are load errors already
    let result = loaded.get(ref.path);
    if (!result) loaded.set(ref.path, (result = loadContract(file)));
    const entry: ProviderContract = { ref, contract: result.contract, errors: result.errors };
    entry.families = ref.protocol ? new Set([protocolFamily(ref.protocol)]) : result.contract ? contractFamilies(result.contract) : undefined;
    let list = out.get(ref.owner.id);
    if (!list) out.set(ref.owner.id, (list = []));
    list.push(entry);
  }
  return out;
}

export type UseVerdict =
  | { kind: 'offered'; via: ProviderContract }
  | { kind: 'other-protocol'; via: ProviderContract[] }
  | { kind: 'not-offered' };

/** Whether a provider's contracts offer one `uses:` entry over the link's protocol. */
export function judgeUse(link: Link, use: string, contracts: readonly ProviderContract[]): UseVerdict {
  const offering = contracts.filter((c) => c.contract && findOperation(c.contract, use));
  if (offering.length === 0) return { kind: 'not-offered' };
  const family = protocolFamily(link.protocol);
  const via = offering.find((c) => !c.families || c.families.has(family));
  return via ? { kind: 'offered', via } : { kind: 'other-protocol', via: offering };
}
