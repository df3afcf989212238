/** Applies a corpus case's edits (set, remove, rename a key) to a copy of a base document. */
export type Edit =
  | { set: (string | number)[]; value: unknown }
  | { remove: (string | number)[] }
  | { rename: (string | number)[]; to: string };

export function applyEdits<T>(base: T, edits: readonly Edit[]): T {
  const doc = structuredClone(base);
  for (const edit of edits) {
    const path = 'set' in edit ? edit.set : 'remove' in edit ? edit.remove : edit.rename;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => {
      const next = node[key];
      if (next === null || typeof next !== 'object') throw new Error(`no ${String(key)} in ${path.join('.')}`);
      return next as Record<string | number, unknown>;
    }, doc as Record<string | number, unknown>);
    const last = path[path.length - 1];
    if ('set' in edit) {
      parent[last] = edit.value;
    } else if ('remove' in edit) {
      if (!(last in parent)) throw new Error(`nothing to remove at ${path.join('.')}`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      // keep the key's place, so the document's order is unchanged
      const entries = Object.entries(parent).map(([k, v]) => [k === String(last) ? edit.to : k, v] as const);
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of entries) parent[k] = v;
    }
  }
  return doc;
}
