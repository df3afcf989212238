/**
 * Contract files referenced by both versions whose text changed, with the
 * breaking changes and the consumers (links that use what changed) they break.
 */
import type { ContractRef, SnapshotElement } from './snapshot.js';
import type { ContractBreak, ContractFileChange, DiffSection } from './types.js';

/** A link that calls the contract's owner: a consumer of the contract. */
export interface ContractConsumer {
  link: string;
  from: string;
  to: string;
  protocol: string;
  /** Operations the link says it uses; absent means "unknown", so any break may hit it. */
  uses?: string[];
}

export interface ContractComparison {
  file: string;
  before: string;
  after: string;
  consumers: ContractConsumer[];
}

/** Compares two texts of one contract; returns its changes, or a note when it cannot. */
export type ContractAnalyser = (comparison: ContractComparison) => ContractBreak[] | { note: string };

export function diffContracts(
  before: readonly ContractRef[],
  after: readonly ContractRef[],
  afterSections: Record<DiffSection, SnapshotElement[]>,
  analyse: ContractAnalyser | undefined,
): ContractFileChange[] {
  const oldByKey = group(before);
  const newByKey = group(after);
  const changes: ContractFileChange[] = [];
  for (const [key, refs] of newByKey) {
    const was = oldByKey.get(key);
    const referencedBy = unique(refs.map((r) => r.owner));
    if (!was) {
      changes.push({ file: refs[0].file, referencedBy, status: 'added' });
      continue;
    }
    const beforeText = was[0].text;
    const afterText = refs[0].text;
    if (beforeText === afterText && beforeText !== undefined) continue;
    const change: ContractFileChange = { file: refs[0].file, referencedBy, status: 'changed' };
    if (beforeText === undefined || afterText === undefined) {
      change.note = `cannot read the ${beforeText === undefined ? 'old' : 'new'} version of ${beforeText === undefined ? was[0].file : refs[0].file}`;
    } else if (!analyse) {
      change.note = 'not analysed: no contract comparison was given';
    } else {
      const owners = new Set(refs.map((r) => r.ownerId));
      const result = analyse({ file: refs[0].file, before: beforeText, after: afterText, consumers: consumersOf(owners, afterSections) });
      if (Array.isArray(result)) change.changes = result;
      else change.note = result.note;
    }
    changes.push(change);
  }
  for (const [key, refs] of oldByKey) {
    if (!newByKey.has(key)) changes.push({ file: refs[0].file, referencedBy: unique(refs.map((r) => r.owner)), status: 'removed' });
  }
  return changes;
}

function consumersOf(owners: ReadonlySet<string>, sections: Record<DiffSection, SnapshotElement[]>): ContractConsumer[] {
  const out: ContractConsumer[] = [];
  for (const { id, doc } of sections.links) {
    if (!owners.has(String(doc.to))) continue;
    const consumer: ContractConsumer = { link: id, from: String(doc.from), to: String(doc.to), protocol: String(doc.protocol) };
    if (Array.isArray(doc.uses)) consumer.uses = doc.uses as string[];
    out.push(consumer);
  }
  return out;
}

function group(refs: readonly ContractRef[]): Map<string, ContractRef[]> {
  const map = new Map<string, ContractRef[]>();
  for (const ref of refs) {
    const list = map.get(ref.key);
    if (list) list.push(ref);
    else map.set(ref.key, [ref]);
  }
  return map;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
