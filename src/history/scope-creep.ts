/**
 * Scope creep between two versions (Guide §5 "Scope Creep: use defined
 * requirements to refocus efforts"): what the new version adds that no
 * requirement asks for, and functions pulled from out of scope into scope.
 *
 * A requirement justifies work unless it is `priority: wont` or belongs to a
 * function the system declares out of scope. A new service, gateway, frontend
 * or job must serve a justified requirement itself. Supporting components
 * (stores, caches, queues, secrets, logs, externals) serve nothing directly:
 * they are justified when a directly linked component serves one. A new link
 * is creep when neither end serves a justified requirement.
 */
import type { ElementDoc, SnapshotElement } from './snapshot.js';
import type { DiffSection, ScopeCreep } from './types.js';

const FUNCTIONAL_KINDS = new Set(['service', 'gateway', 'frontend', 'job']);

export function findScopeCreep(
  before: Record<DiffSection, SnapshotElement[]>,
  after: Record<DiffSection, SnapshotElement[]>,
): ScopeCreep[] {
  const out: ScopeCreep[] = [];
  const oldScope = scopeOf(before);
  const newScope = scopeOf(after);

  for (const fn of newScope.in) {
    if (oldScope.out.some((was) => sameFunction(was, fn))) {
      out.push({
        kind: 'scope', id: fn,
        message: `"${fn}" moved from out of scope to in scope.`,
        evidence: { function: fn, was: 'system.scope.out', now: 'system.scope.in' },
      });
    }
  }

  const requirements = new Map<string, ElementDoc>();
  for (const r of after.requirements) requirements.set(r.id, r.doc);
  const whyNot = (id: string): string | undefined => {
    const r = requirements.get(id);
    if (!r) return 'unknown';
    if (r.priority === 'wont') return "priority: wont";
    if (typeof r.scope === 'string' && newScope.out.some((fn) => sameFunction(fn, r.scope as string))) return `out of scope (${r.scope})`;
    return undefined;
  };

  const components = new Map<string, ElementDoc>();
  for (const c of after.components) components.set(c.id, c.doc);
  const direct = (id: string): string[] => {
    const serves = components.get(id)?.serves;
    return Array.isArray(serves) ? serves.filter((r): r is string => typeof r === 'string' && whyNot(r) === undefined) : [];
  };
  const neighbours = new Map<string, string[]>();
  const linkOf = (doc: ElementDoc) => ({ from: String(doc.from), to: String(doc.to) });
  for (const { doc } of after.links) {
    const { from, to } = linkOf(doc);
    push(neighbours, from, to);
    push(neighbours, to, from);
  }
  // Memoised: a store with thousands of links is asked once, not once per new link.
  const servedMemo = new Map<string, string[]>();
  const served = (id: string): string[] => {
    const known = servedMemo.get(id);
    if (known) return known;
    let result = direct(id);
    const kind = components.get(id)?.kind;
    if (result.length === 0 && kind !== undefined && !FUNCTIONAL_KINDS.has(String(kind))) {
      const via = new Set<string>();
      for (const n of neighbours.get(id) ?? []) {
        if (FUNCTIONAL_KINDS.has(String(components.get(n)?.kind))) for (const r of direct(n)) via.add(r);
      }
      result = [...via];
    }
    servedMemo.set(id, result);
    return result;
  };

  const oldComponents = new Set(before.components.map((c) => c.id));
  for (const { id, doc } of after.components) {
    if (oldComponents.has(id) || served(id).length > 0) continue;
    const kind = String(doc.kind);
    const claimed = Array.isArray(doc.serves) ? (doc.serves as string[]) : [];
    const reason = claimed.length > 0
      ? `serves only ${claimed.map((r) => `${r} (${whyNot(r)})`).join(', ')}`
      : FUNCTIONAL_KINDS.has(kind) ? 'serves no requirement' : 'serves no requirement, and no component linked to it does';
    out.push({
      kind: 'component', id,
      message: `New ${kind} "${id}" ${reason}.`,
      evidence: { kind, serves: claimed.join(', ') || 'none' },
    });
  }

  const oldLinks = new Set(before.links.map((l) => l.id));
  for (const { id, doc } of after.links) {
    if (oldLinks.has(id)) continue;
    const { from, to } = linkOf(doc);
    if (served(from).length > 0 || served(to).length > 0) continue;
    out.push({
      kind: 'link', id,
      message: `New link ${id}: neither ${from} nor ${to} serves a requirement.`,
      evidence: { from, to, protocol: String(doc.protocol) },
    });
  }
  return out;
}

function scopeOf(sections: Record<DiffSection, SnapshotElement[]>): { in: string[]; out: string[] } {
  const scope = sections.system[0]?.doc.scope as { in?: string[]; out?: string[] } | undefined;
  return { in: scope?.in ?? [], out: scope?.out ?? [] };
}

function sameFunction(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
