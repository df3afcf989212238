/** `compareContracts`: the changes between two versions of one contract, or why they cannot be compared. */
import { compareAsyncApi } from './asyncapi/compare.js';
import { KIND_NAMES, loadContract, type AnyContract } from './load.js';
import { compareOpenApi } from './openapi/compare.js';
import { compareProtobuf } from './protobuf/compare.js';
import type { ContractChange, ContractError, ContractKind, ContractSource } from './types.js';

export interface ContractComparison {
  kind?: ContractKind;
  /** Breaking first; empty when the versions are equivalent or could not be compared. */
  changes: ContractChange[];
  /** Why a version is unusable (syntax, unknown format, unresolved $ref, two different formats). */
  errors: ContractError[];
}

export function compareContracts(oldSource: ContractSource, newSource: ContractSource): ContractComparison {
  const before = loadContract(oldSource);
  const after = loadContract(newSource);
  const errors = [...before.errors, ...after.errors];
  if (errors.length > 0 || !before.contract || !after.contract) return { changes: [], errors };
  return compareLoaded(before.contract, after.contract);
}

/** Compares two loaded contracts (when they are loaded already, e.g. for many consumers). */
export function compareLoaded(before: AnyContract, after: AnyContract): ContractComparison {
  if (before.kind !== after.kind) {
    return {
      changes: [],
      errors: [{
        code: 'invalid',
        message: `${before.file} is ${KIND_NAMES[before.kind]} but ${after.file} is ${KIND_NAMES[after.kind]}: only two versions of one format compare`,
        location: { file: after.file, line: 1, column: 1 },
      }],
    };
  }
  const changes = before.kind === 'openapi' ? compareOpenApi(before, after as typeof before)
    : before.kind === 'protobuf' ? compareProtobuf(before, after as typeof before)
      : compareAsyncApi(before, after as typeof before);
  return { kind: before.kind, changes, errors: [] };
}

export function isBreaking(changes: readonly ContractChange[]): boolean {
  return changes.some((c) => c.severity === 'breaking');
}
