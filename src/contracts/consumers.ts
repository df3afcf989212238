/**
 * Which consumers a contract change breaks: a link that lists the operations it
 * `uses` breaks only when one of those changed incompatibly; a link that lists
 * none may be hit by any breaking change (reported as uncertain).
 */
import type { Design, Link } from '../model/design.js';
import { formatLocation } from '../model/errors.js';
import { contractReferences } from '../model/contract-files.js';
import { compareLoaded } from './compare.js';
import { loadContract, type AnyContract } from './load.js';
import { findOperation } from './operations.js';
import type { ContractChange, ContractSource } from './types.js';

export interface ConsumerBreak {
  link: string;
  from: string;
  to: string;
  /** The contract file (path as the design's host knows it). */
  contract: string;
  /** False when the link does not say what it uses, so the breaking changes may or may not hit it. */
  certain: boolean;
  /** The operations it uses that break (every broken one when uncertain). */
  operations: string[];
  changes: ContractChange[];
}

/**
 * For every link to a provider whose contract changed between `oldContracts` and
 * `newContracts` (both keyed by path, as in `design.contracts`), the breaking
 * changes that reach it. Contracts that do not load are skipped (`check` reports them).
 */
export function breakingForConsumers(
  design: Design,
  oldContracts: ReadonlyMap<string, ContractSource>,
  newContracts: ReadonlyMap<string, ContractSource>,
): ConsumerBreak[] {
  const out: ConsumerBreak[] = [];
  const compared = new Map<string, { before: AnyContract; changes: ContractChange[] } | undefined>();
  const compare = (path: string) => {
    if (compared.has(path)) return compared.get(path);
    const a = oldContracts.get(path);
    const b = newContracts.get(path);
    let result: { before: AnyContract; changes: ContractChange[] } | undefined;
    if (a && b && a.text !== b.text) {
      const before = loadContract(a).contract;
      const after = loadContract(b).contract;
      if (before && after) {
        const c = compareLoaded(before, after);
        result = { before, changes: c.changes.filter((x) => x.severity === 'breaking') };
      }
    }
    compared.set(path, result);
    return result;
  };
  for (const ref of contractReferences(design)) {
    const result = compare(ref.path);
    if (!result || result.changes.length === 0) continue;
    for (const link of design.linksTo.get(ref.owner.id) ?? []) {
      const hit = consumerBreak(link, ref.path, result.before, result.changes);
      if (hit && !out.some((o) => o.link === hit.link && o.contract === hit.contract)) out.push(hit);
    }
  }
  return out;
}

function consumerBreak(link: Link, contract: string, before: AnyContract, breaking: ContractChange[]): ConsumerBreak | undefined {
  const base = { link: link.id, from: link.from, to: link.to, contract };
  if (!link.uses || link.uses.length === 0) {
    return { ...base, certain: false, operations: [...new Set(breaking.flatMap((c) => c.operations))].sort(), changes: breaking };
  }
  const used = new Set(link.uses.map((u) => findOperation(before, u)?.key).filter((k): k is string => k !== undefined));
  const changes = breaking.filter((c) => c.operations.some((op) => used.has(op)));
  if (changes.length === 0) return undefined;
  return { ...base, certain: true, operations: [...used].filter((op) => changes.some((c) => c.operations.includes(op))).sort(), changes };
}

/** A link that calls a contract's owner, as the design diff describes it. */
export interface ContractConsumerInput {
  link: string;
  uses?: string[];
}

/**
 * The design diff's hook (src/history `ContractAnalyser`): the changes between two
 * texts of one contract, each with the consumers (links) it breaks.
 */
export function analyseContractChange(input: { file: string; before: string; after: string; consumers: ContractConsumerInput[] }):
  { id: string; severity: 'breaking' | 'warning' | 'info'; message: string; location?: string; consumers: string[] }[] | { note: string } {
  const before = loadContract({ file: input.file, text: input.before });
  const after = loadContract({ file: input.file, text: input.after });
  const error = before.errors[0] ?? after.errors[0];
  if (error || !before.contract || !after.contract) return { note: `cannot compare: ${error ? `${formatLocation(error.location)}: ${error.message}` : 'not a contract'}` };
  const comparison = compareLoaded(before.contract, after.contract);
  if (comparison.errors.length > 0) return { note: comparison.errors[0].message };
  const usedBy = input.consumers.map((c) => ({
    link: c.link,
    ops: c.uses && c.uses.length > 0 ? new Set(c.uses.map((u) => findOperation(before.contract!, u)?.key).filter(Boolean)) : undefined,
  }));
  return comparison.changes.map((change) => ({
    id: change.id,
    severity: change.severity,
    message: change.message,
    location: formatLocation(change.location),
    consumers: change.severity !== 'breaking' ? [] : usedBy.filter((c) => !c.ops || change.operations.some((op) => c.ops!.has(op))).map((c) => c.link),
  }));
}
