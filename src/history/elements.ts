/** Elements added, removed and changed between two snapshots, field by field. */
import { formatPath } from '../model/errors.js';
import { jsonOf } from './pack.js';
import type { ElementDoc, SnapshotElement } from './snapshot.js';
import type { DiffSection, ElementChange, ElementEntry, FieldChange } from './types.js';

export const SECTION_ORDER: readonly DiffSection[] = [
  'system', 'users', 'requirements', 'data', 'zones', 'components', 'links', 'workloads', 'existing', 'decisions', 'risks', 'checks', 'capacity',
];

export interface ElementDelta {
  added: ElementEntry[];
  removed: ElementEntry[];
  changed: ElementChange[];
}

export function diffElements(
  before: Record<DiffSection, SnapshotElement[]>,
  after: Record<DiffSection, SnapshotElement[]>,
): ElementDelta {
  const delta: ElementDelta = { added: [], removed: [], changed: [] };
  for (const section of SECTION_ORDER) {
    const old = new Map<string, SnapshotElement>();
    for (const e of before[section]) old.set(e.id, e);
    const present = new Set<string>();
    for (const element of after[section]) {
      const { id } = element;
      present.add(id);
      const previous = old.get(id);
      if (previous === undefined) {
        delta.added.push(entry(section, id, element.doc));
        continue;
      }
      // A packed side has its JSON at hand: equal text is an unchanged element, with nothing parsed.
      if (previous.json !== undefined && previous.json === jsonOf(element)) continue;
      const fields: FieldChange[] = [];
      compareValues(previous.doc, element.doc, [], fields);
      if (fields.length > 0) delta.changed.push({ ...entry(section, id, element.doc), fields });
    }
    for (const e of before[section]) if (!present.has(e.id)) delta.removed.push(entry(section, e.id, e.doc));
  }
  return delta;
}

function entry(section: DiffSection, id: string, doc: ElementDoc): ElementEntry {
  const label = doc.name ?? doc.title ?? doc.text;
  return typeof label === 'string' ? { section, id, label } : { section, id };
}

/**
 * Appends the differences between two values as written. Mappings are compared
 * key by key and lists of mappings item by item, so a change is reported at the
 * deepest path that names it; a list of plain values is one value (`serves`,
 * `classification`), reported whole with its before and after.
 * `path` is a stack shared by the whole walk (pushed and popped, never copied
 * unless a change is found): a 10k-component diff visits ~1M values.
 */
export function compareValues(before: unknown, after: unknown, path: (string | number)[], out: FieldChange[]): void {
  if (before === after) return;
  if (isMapping(before) && isMapping(after)) {
    for (const key in after) {
      path.push(key);
      compareValues(before[key], after[key], path, out);
      path.pop();
    }
    for (const key in before) {
      if (key in after) continue;
      path.push(key);
      compareValues(before[key], undefined, path, out);
      path.pop();
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.every(isScalar) && after.every(isScalar)) {
      if (!sameScalars(before, after)) out.push(change(path, before, after));
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      path.push(i);
      compareValues(before[i], after[i], path, out);
      path.pop();
    }
    return;
  }
  out.push(change(path, before, after));
}

function change(path: (string | number)[], before: unknown, after: unknown): FieldChange {
  const c: FieldChange = { path: formatPath(path) };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function sameScalars(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
