/**
 * Direction-aware comparison of two versions of a JSON Schema.
 *
 * Request data is written by consumers and read by the provider: the new schema
 * must accept everything the old one accepted, so narrowing breaks (a type
 * narrowed, an enum value removed, a property made required, a limit tightened)
 * and widening is safe. Response data is written by the provider and read by
 * consumers: the new schema must produce only what the old one could, so
 * widening is the risk (a type widened, an enum value added, a property that
 * may now be missing) and narrowing is safe.
 */
import type { SourceLocation } from '../model/errors.js';
import type { DocPath, JsonDocument, Located } from './document.js';
import { LIMITS, SchemaViews, typesText, type LimitName, type SchemaView } from './schema-view.js';
import type { ChangeSeverity, Direction } from './types.js';

export interface SchemaChange {
  /** The change's id without the format prefix, e.g. `enum-value-removed`. */
  id: string;
  severity: ChangeSeverity;
  message: string;
  field: string;
  location: SourceLocation;
  direction: Direction;
}

/** One comparison of two schemas in one direction: its own changes and who reached it. */
interface Entry {
  o: SchemaView;
  n: SchemaView;
  direction: Direction;
  /** For inline schemas, the field they were reached as; undefined for named components. */
  key?: string;
  field: string;
  changes: SchemaChange[];
  /** Schemas whose comparison reached this one (through a property, items or a variant). */
  parents: Entry[];
}

export interface AttributedChange {
  change: SchemaChange;
  /** The operations whose schemas reach the change. */
  operations: string[];
}

/**
 * Compares schema pairs once each, however many operations share them. Named
 * components reached from another schema are queued, not recursed into, so a long
 * chain or cycle of `$ref`s costs no stack; which operations a change concerns is
 * worked out at the end, walking from each changed schema back to the operations.
 */
export class SchemaComparer {
  private readonly oldViews: SchemaViews;
  private readonly newViews: SchemaViews;
  // Keyed by the old schema object (not by path strings: a large document compares ~10^5 pairs).
  private readonly memo = new Map<unknown, Entry[]>();
  private readonly queue: Entry[] = [];
  private readonly roots = new Map<Entry, Set<string>>();

  constructor(readonly oldDoc: JsonDocument, readonly newDoc: JsonDocument) {
    this.oldViews = new SchemaViews(oldDoc);
    this.newViews = new SchemaViews(newDoc);
  }

  /** Compares two schemas used by `operation` in one direction; `field` names the top (e.g. `request body`). */
  compare(oldNode: Located, newNode: Located, direction: Direction, field: string, operation: string): void {
    const root = this.compareAt(oldNode, newNode, direction, field);
    let ops = this.roots.get(root);
    if (!ops) this.roots.set(root, (ops = new Set()));
    ops.add(operation);
  }

  /** Every change found, with the operations it concerns. */
  results(): AttributedChange[] {
    for (let e = this.queue.pop(); e; e = this.queue.pop()) this.diffViews(e);
    const out: AttributedChange[] = [];
    for (const entries of this.memo.values()) {
      for (const entry of entries) {
        if (entry.changes.length === 0) continue;
        const operations = [...this.operationsReaching(entry)].sort();
        for (const change of entry.changes) out.push({ change, operations });
      }
    }
    return out;
  }

  private operationsReaching(entry: Entry): Set<string> {
    const ops = new Set<string>();
    const seen = new Set<Entry>([entry]);
    const stack = [entry];
    while (stack.length > 0) {
      const e = stack.pop()!;
      for (const op of this.roots.get(e) ?? []) ops.add(op);
      for (const p of e.parents) {
        if (!seen.has(p)) {
          seen.add(p);
          stack.push(p);
        }
      }
    }
    return ops;
  }

  private compareAt(oldNode: Located, newNode: Located, direction: Direction, field: string, parent?: Entry): Entry {
    const o = this.oldViews.view(oldNode);
    const n = this.newViews.view(newNode);
    // Through a $ref, fields are named from the component, so a shared schema's changes read (and are kept) once.
    const name = n.name ?? o.name;
    const key = name ? undefined : field;
    let entries = this.memo.get(o.node.value);
    if (!entries) this.memo.set(o.node.value, (entries = []));
    for (const e of entries) {
      if (e.n.node.value === n.node.value && e.direction === direction && e.key === key) {
        if (parent && !e.parents.includes(parent)) e.parents.push(parent);
        return e;
      }
    }
    const entry: Entry = { o, n, direction, key, field: name ?? field, changes: [], parents: parent ? [parent] : [] };
    entries.push(entry);
    if (name && parent) this.queue.push(entry);
    else this.diffViews(entry);
    return entry;
  }

  private diffViews(entry: Entry): void {
    const { o, n, direction, field, changes: out } = entry;
    const request = direction === 'request';
    const add = (id: string, severity: ChangeSeverity, message: string, location: SourceLocation, at = field) =>
      out.push({ id, severity, message, field: at, location, direction });
    const newAt = (...rest: DocPath) => this.newDoc.locate([...n.node.path, ...rest]);
    const oldAt = (...rest: DocPath) => this.oldDoc.locate([...o.node.path, ...rest]);
    const where = `${field} (${direction})`;

    // Types: what the reader must handle is what the writer may send.
    if (!sameTypes(o.types, n.types)) {
      const [reader, writer] = request ? [n.types, o.types] : [o.types, n.types];
      const lost = uncovered(writer, reader);
      const onlyNull = lost.length > 0 ? lost.every((t) => t === 'null') : differsOnlyInNull(o.types, n.types);
      const id = onlyNull ? 'nullable-changed' : 'type-changed';
      if (lost.length > 0) {
        add(id, 'breaking', `${where}: type changed from ${typesText(o.types)} to ${typesText(n.types)}; ${request ? 'requests' : 'responses'} of type ${lost.join(', ')} ${request ? 'are no longer accepted' : 'can now reach consumers'}.`, newAt('type'));
        return;
      }
      add(id, 'info', `${where}: type changed from ${typesText(o.types)} to ${typesText(n.types)}, compatibly.`, newAt('type'));
    }

    if (o.format !== n.format) {
      const narrows = n.format !== undefined; // a new or different format constrains values the old one did not
      const severity: ChangeSeverity = o.format !== undefined && n.format !== undefined ? 'breaking'
        : request ? (narrows ? 'breaking' : 'info') : (narrows ? 'info' : 'warning');
      add('format-changed', severity, `${where}: format changed from ${o.format ?? 'none'} to ${n.format ?? 'none'}.`, n.format !== undefined ? newAt('format') : oldAt('format'));
    }

    this.diffEnum(o, n, request, where, add, newAt, oldAt);
    diffLimits(o, n, request, where, add, newAt, oldAt);

    if (o.properties.size > 0 || n.properties.size > 0 || o.required.size > 0 || n.required.size > 0) {
      this.diffProperties(entry, add, newAt, oldAt);
    }
    if (o.items && n.items) this.compareAt(o.items, n.items, direction, `${field}[]`, entry);
    if (o.variants && n.variants) this.diffVariants(entry, add);
  }

  private diffEnum(o: SchemaView, n: SchemaView, request: boolean, where: string, add: Add, newAt: At, oldAt: At): void {
    if (!o.enum && !n.enum) return;
    if (o.enum && n.enum) {
      const oldValues = new Set(o.enum.map(enumKey));
      const newValues = new Set(n.enum.map(enumKey));
      const removed = o.enum.filter((v) => !newValues.has(enumKey(v)));
      const added = n.enum.filter((v) => !oldValues.has(enumKey(v)));
      if (removed.length > 0) {
        add('enum-value-removed', request ? 'breaking' : 'info',
          `${where}: enum value${removed.length > 1 ? 's' : ''} ${list(removed)} removed${request ? '; consumers that send ' + (removed.length > 1 ? 'them' : 'it') + ' are rejected' : ''}.`, newAt('enum'));
      }
      if (added.length > 0) {
        add('enum-value-added', request ? 'info' : 'warning',
          `${where}: enum value${added.length > 1 ? 's' : ''} ${list(added)} added${request ? '' : '; consumers that switch over the values may not handle ' + (added.length > 1 ? 'them' : 'it')}.`, newAt('enum'));
      }
      return;
    }
    if (n.enum) add('enum-added', request ? 'breaking' : 'info', `${where}: values are now restricted to ${list(n.enum)}.`, newAt('enum'));
    else add('enum-removed', request ? 'info' : 'warning', `${where}: values are no longer restricted to ${list(o.enum!)}.`, oldAt('enum'));
  }

  private diffProperties(entry: Entry, add: Add, newAt: At, oldAt: At): void {
    const { o, n, direction, field } = entry;
    const request = direction === 'request';
    // Every name either side declares or requires, without building a set (this runs for every schema pair).
    const names: string[] = [...o.properties.keys()];
    for (const r of o.required) if (!o.properties.has(r)) names.push(r);
    for (const k of n.properties.keys()) if (!o.properties.has(k) && !o.required.has(k)) names.push(k);
    for (const r of n.required) if (!n.properties.has(r) && !o.properties.has(r) && !o.required.has(r)) names.push(r);
    // Consumers never send readOnly properties and never receive writeOnly ones.
    const ignored = (view: SchemaView, name: string) => {
      const p = view.properties.get(name);
      if (!p) return false;
      const v = (view === o ? this.oldViews : this.newViews).view(p);
      return request ? v.readOnly : v.writeOnly;
    };
    for (const name of names) {
      const inOld = o.properties.has(name) || o.required.has(name);
      const inNew = n.properties.has(name) || n.required.has(name);
      const oldReq = o.required.has(name) && !ignored(o, name);
      const newReq = n.required.has(name) && !ignored(n, name);
      const at = `${field}.${name}`;
      if (inOld && inNew && oldReq === newReq) {
        const op = o.properties.get(name);
        const np = n.properties.get(name);
        if (op && np) this.compareAt(op, np, direction, at, entry);
        continue;
      }
      const where = `${at} (${direction})`;
      if (inOld && !inNew) {
        if (ignored(o, name)) continue;
        const severity: ChangeSeverity = request ? (n.closed ? 'breaking' : 'warning') : (oldReq ? 'breaking' : 'warning');
        add('property-removed', severity, request
          ? `${where}: property removed${n.closed ? ' and unknown properties are rejected, so consumers that send it fail' : '; what consumers send in it is now ignored'}.`
          : `${where}: ${oldReq ? 'required ' : ''}property removed; consumers that read it get nothing.`,
        oldAt('properties', name), at);
        continue;
      }
      if (!inOld && inNew) {
        if (ignored(n, name)) continue;
        if (request && newReq) add('property-required', 'breaking', `${where}: new required property; consumers that do not send it are rejected.`, newAt('properties', name), at);
        else add('property-added', 'info', `${where}: ${newReq ? 'required ' : 'optional '}property added.`, newAt('properties', name), at);
        continue;
      }
      if (oldReq && !newReq && !request) {
        add('property-optional', 'breaking', `${where}: no longer required; consumers that expect it may find it missing.`, newAt('properties', name), at);
      } else if (!oldReq && newReq && request) {
        add('property-required', 'breaking', `${where}: now required; consumers that leave it out are rejected.`, newAt('required'), at);
      } else if (oldReq !== newReq) {
        add(newReq ? 'property-required' : 'property-optional', 'info', `${where}: now ${newReq ? 'required' : 'optional'}, compatibly.`, newAt('properties', name), at);
      }
      const op = o.properties.get(name);
      const np = n.properties.get(name);
      if (op && np) this.compareAt(op, np, direction, at, entry);
    }
    if (request && n.closed && !o.closed) add('properties-closed', 'breaking', `${field} (${direction}): unknown properties are now rejected.`, newAt('additionalProperties'));
  }

  private diffVariants(entry: Entry, add: Add): void {
    const { o, n, direction, field } = entry;
    const request = direction === 'request';
    const label = (v: Located, i: number) => {
      const ref = (v.value as { $ref?: unknown } | null)?.$ref;
      return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : `#${i}`;
    };
    const oldLabels = o.variants!.map(label);
    const newLabels = n.variants!.map(label);
    oldLabels.forEach((l, i) => {
      const j = newLabels.indexOf(l);
      if (j < 0) {
        add('variant-removed', request ? 'breaking' : 'info', `${field} (${direction}): variant ${l} removed${request ? '; consumers that send it are rejected' : ''}.`, this.oldDoc.locate(o.variants![i].path));
      } else {
        this.compareAt(o.variants![i], n.variants![j], direction, `${field}<${l}>`, entry);
      }
    });
    newLabels.forEach((l, j) => {
      if (!oldLabels.includes(l)) {
        add('variant-added', request ? 'info' : 'warning', `${field} (${direction}): variant ${l} added${request ? '' : '; consumers may receive a shape they do not know'}.`, this.newDoc.locate(n.variants![j].path));
      }
    });
  }
}

type Add = (id: string, severity: ChangeSeverity, message: string, location: SourceLocation, at?: string) => void;
type At = (...rest: DocPath) => SourceLocation;

function diffLimits(o: SchemaView, n: SchemaView, request: boolean, where: string, add: Add, newAt: At, oldAt: At): void {
  for (const limit of LIMITS) {
    const before = o.limits[limit];
    const after = n.limits[limit];
    if (before === after) continue;
    const tightened = isUpper(limit)
      ? after !== undefined && (before === undefined || after < before)
      : after !== undefined && (before === undefined || after > before);
    reportLimit(limit, before, after, tightened, request, where, add, after !== undefined ? newAt(limit) : oldAt(limit));
  }
  if (o.pattern !== n.pattern) {
    reportLimit('pattern', o.pattern, n.pattern, n.pattern !== undefined, request, where, add, n.pattern !== undefined ? newAt('pattern') : oldAt('pattern'));
  }
}

function reportLimit(limit: string, before: unknown, after: unknown, tightened: boolean, request: boolean, where: string, add: Add, location: SourceLocation): void {
  const text = `${limit} changed from ${before ?? 'none'} to ${after ?? 'none'}`;
  if (tightened) add('constraint-tightened', request ? 'breaking' : 'info', `${where}: ${text}${request ? '; values consumers sent before may be rejected' : ''}.`, location);
  else add('constraint-loosened', request ? 'info' : 'warning', `${where}: ${text}${request ? '' : '; consumers may receive values they did not expect'}.`, location);
}

function isUpper(limit: LimitName): boolean {
  return limit.startsWith('max') || limit === 'exclusiveMaximum';
}

/** Types the writer may produce that the reader does not accept (an integer is a number). */
function uncovered(writer: Set<string> | undefined, reader: Set<string> | undefined): string[] {
  if (!reader) return [];
  if (!writer) return ['any'];
  return [...writer].filter((t) => !reader.has(t) && !(t === 'integer' && reader.has('number')));
}

function sameTypes(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

function differsOnlyInNull(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return false;
  const strip = (s: Set<string>) => [...s].filter((t) => t !== 'null').sort().join('|');
  return strip(a) === strip(b);
}

function enumKey(value: unknown): string {
  return JSON.stringify(value);
}

function list(values: unknown[]): string {
  const shown = values.slice(0, 5).map((v) => JSON.stringify(v)).join(', ');
  return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown;
}
