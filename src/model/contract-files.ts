/**
 * Reads the contract files a design names (`exposes[].contract`, `existing[].contract`)
 * through the loader's host, so rules can check them. A file that is not there is
 * a DesignError at the `contract:` field; what the file says is src/contracts' business.
 */
import type { ContractFile, Design, SourceRef } from './design.js';
import type { DesignError } from './errors.js';
import { dirname, joinPath } from './paths.js';

export interface ContractReference {
  /** Path of the file as the host knows it (joined onto the folder of the design file that names it). */
  path: string;
  /** As written in the design. */
  written: string;
  owner: { kind: 'component' | 'existing'; id: string };
  /** Where the `contract:` field is: the element's source plus `field`. */
  source: SourceRef;
  field: (string | number)[];
  /** The protocol of the interface that serves the contract, when stated. */
  protocol?: string;
}

/** Every contract a design names, in design order. */
export function contractReferences(design: Design): ContractReference[] {
  const refs: ContractReference[] = [];
  const add = (owner: ContractReference['owner'], source: SourceRef, field: (string | number)[], written: string, protocol?: string) => {
    refs.push({ path: joinPath(dirname(source.file), written), written, owner, source, field, protocol });
  };
  for (const c of design.components) {
    c.exposes.forEach((i, n) => {
      if (i.contract) add({ kind: 'component', id: c.id }, c.source, ['exposes', n, 'contract'], i.contract, i.protocol);
    });
  }
  for (const e of design.existing) {
    if (e.contract) add({ kind: 'existing', id: e.id }, e.source, ['contract'], e.contract, e.protocol);
    (e.exposes ?? []).forEach((i, n) => {
      if (i.contract) add({ kind: 'existing', id: e.id }, e.source, ['exposes', n, 'contract'], i.contract, i.protocol);
    });
  }
  return refs;
}

export function readContractFiles(
  design: Design,
  readFile: (path: string) => Uint8Array | string | undefined,
): { contracts: Map<string, ContractFile>; errors: DesignError[] } {
  const contracts = new Map<string, ContractFile>();
  const errors: DesignError[] = [];
  for (const ref of contractReferences(design)) {
    if (contracts.has(ref.path)) continue;
    const location = design.locate(ref.source, ref.field);
    let raw: Uint8Array | string | undefined;
    try {
      raw = readFile(ref.path);
    } catch (err) {
      errors.push({ code: 'io', message: `cannot read contract ${ref.path}: ${(err as Error).message ?? err}`, location });
      continue;
    }
    if (raw === undefined) {
      errors.push({
        code: 'contract-missing', message: `contract file not found: ${ref.path}`, location,
        hint: 'the path is relative to the design file that names it',
      });
      continue;
    }
    const text = typeof raw === 'string' ? raw : new TextDecoder('utf-8').decode(raw);
    contracts.set(ref.path, { file: ref.path, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  }
  return { contracts, errors };
}
