/** Gathers changes; one change met through several operations (a shared schema) is kept once, naming them all. */
import { formatLocation } from '../model/errors.js';
import type { AttributedChange } from './schema-diff.js';
import type { ContractChange } from './types.js';

const SEVERITY_ORDER = { breaking: 0, warning: 1, info: 2 } as const;

type NewChange = Omit<ContractChange, 'id' | 'operations'> & { id: string; operation?: string };

export class ChangeCollector {
  private readonly byKey = new Map<string, { change: ContractChange; operations: Set<string> }>();

  constructor(private readonly prefix: string) {}

  add(change: NewChange): void {
    const { operation, ...rest } = change;
    this.addFor(rest, operation ? [operation] : []);
  }

  addSchemaChanges(results: readonly AttributedChange[]): void {
    for (const { change, operations } of results) this.addFor(change, operations);
  }

  private addFor(change: Omit<NewChange, 'operation'>, operations: readonly string[]): void {
    const id = `${this.prefix}/${change.id}`;
    // By place, not by field name: a schema reached through allOf or several $refs is one change.
    const key = `${id}|${change.severity}|${formatLocation(change.location)}|${change.direction ?? ''}`;
    let known = this.byKey.get(key);
    if (!known) this.byKey.set(key, (known = { change: { ...change, id, operations: [] }, operations: new Set() }));
    for (const op of operations) known.operations.add(op);
  }

  /** Breaking first, then by file and position. */
  result(): ContractChange[] {
    const out = [...this.byKey.values()].map(({ change, operations }) => ({ ...change, operations: [...operations].sort() }));
    return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
      || a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line
      || a.location.column - b.location.column || a.id.localeCompare(b.id));
  }
}
