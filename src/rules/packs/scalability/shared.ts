/** Indexes the scalability rules share, each built once per review through ctx.shared. */
import type { Design } from '../../../model/design.js';
import type { RuleContext, RuleOption } from '../../types.js';
import { loadShares, type ComponentLoad, type LoadShares } from './load-share.js';

/** Kinds whose capacity is shared by every component that calls them. */
export const RESOURCE_KINDS: ReadonlySet<string> = new Set(['datastore', 'queue', 'cache']);

export function sharesOf(ctx: RuleContext): LoadShares {
  return ctx.shared('scalability/load-shares', () => loadShares(ctx.design.workloads));
}

export const HOT_SHARE_OPTION: RuleOption = {
  default: 0.5,
  description: 'A component is hot when its load is at least this fraction of all requests the workloads send into the system.',
};

/** Distinct callers of each datastore, queue or cache, in link order. */
export function resourceCallers(design: Design): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const link of design.links) {
    const to = link.toEnd;
    if (to.kind !== 'component' || !RESOURCE_KINDS.has(to.element.kind)) continue;
    let callers = out.get(link.to);
    if (!callers) out.set(link.to, (callers = new Set()));
    callers.add(link.from);
  }
  return out;
}

/** Components by shared `runtime`. */
export function runtimeGroups(design: Design): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of design.components) {
    if (!c.runtime) continue;
    let group = out.get(c.runtime);
    if (!group) out.set(c.runtime, (group = new Set()));
    group.add(c.id);
  }
  return out;
}

/**
 * The members of a group other than `self`, named up to `max`: "a, b and 3 more".
 * Stops after `max` names so that many members of one large group stay linear.
 */
export function others(group: ReadonlySet<string> | undefined, self: string, max = 5): { count: number; names: string } {
  if (!group) return { count: 0, names: '' };
  const count = group.size - (group.has(self) ? 1 : 0);
  const named: string[] = [];
  for (const id of group) {
    if (named.length === max) break;
    if (id !== self) named.push(id);
  }
  return { count, names: count > named.length ? `${named.join(', ')} and ${count - named.length} more` : named.join(', ') };
}

/** "1200/s, every incoming request" / "600/s, 50% of incoming requests" / "2400/s, 2.0× incoming requests". */
export function describeLoad(load: ComponentLoad | undefined): string {
  if (!load) return 'no workload traffic';
  const rate = `${Math.round(load.rate)}/s`;
  if (Math.abs(load.share - 1) < 0.005) return `${rate}, every incoming request`;
  return load.share < 1 ? `${rate}, ${Math.round(load.share * 100)}% of incoming requests` : `${rate}, ${load.share.toFixed(1)}× incoming requests`;
}

/** The share as evidence: "50%", "200%". */
export function sharePercent(load: ComponentLoad | undefined): string {
  return `${Math.round((load?.share ?? 0) * 100)}%`;
}
