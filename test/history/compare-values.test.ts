import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/history/elements.js';
import type { FieldChange } from '../../src/history/types.js';

/** Values as a design holds them: scalars, lists and mappings, nested. */
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id'), tie('node'), { maxKeys: 3 }),
})).node;

const changesOf = (before: unknown, after: unknown) => {
  const out: FieldChange[] = [];
  compareValues(before, after, [], out);
  return out;
};

/** Sets `change.after` at `change.path` in `doc` (the path syntax of formatPath). */
function apply(doc: unknown, change: FieldChange): unknown {
  const parts = change.path === '' ? [] : [...change.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  if (parts.length === 0) return change.after;
  const root = structuredClone(doc) as Record<string | number, unknown>;
  let node = root;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = parts[parts.length - 1];
  if (!('after' in change)) {
    if (Array.isArray(node)) node.length = Math.min(node.length, Number(last));
    else delete node[last];
  } else node[last] = change.after;
  return root;
}

describe('compareValues', () => {
  it('finds no change exactly when the values are deeply equal', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(changesOf(a, b).length === 0).toBe(isDeepStrictEqual(a, b));
      expect(changesOf(a, structuredClone(a))).toEqual([]);
    }));
  });

  it('reports changes that, applied to the old value, give the new one', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 3 }), (a, b) => {
      let rebuilt: unknown = a;
      // Removals of list items go last-first so earlier indices stay valid.
      const changes = changesOf(a, b).sort((x, y) => ('after' in x ? 0 : 1) - ('after' in y ? 0 : 1) || y.path.localeCompare(x.path));
      for (const change of changes) rebuilt = apply(rebuilt, change);
      expect(rebuilt).toEqual(b);
    }));
  });
});
