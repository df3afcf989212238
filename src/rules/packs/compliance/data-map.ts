/**
 * Where each data asset is, built once per review and shared by every
 * compliance rule (ctx.shared): which components hold it at rest, which
 * process it, which users reach which components, and where each component is.
 * Linear in components + links + users.
 */
import type { Component, DataAsset, Design, Link, User, Zone } from '../../../model/design.js';
import { countryOfRegion } from '../gdpr/geography.js';

/** Kinds that keep what reaches them: everything they use or receive is held at rest. */
const STORE_KINDS = new Set(['datastore', 'queue', 'cache', 'log']);
/** Thirty days: the response window of GDPR Art. 12(3) ("within one month"). */
export const ONE_MONTH_SECONDS = 30 * 86_400;

export interface DataMap {
  assets: Map<string, DataAsset>;
  components: Map<string, Component>;
  /** Assets each component holds at rest. */
  held: Map<string, Set<string>>;
  /** Assets each component processes: held, used, or carried on one of its links. */
  touched: Map<string, Set<string>>;
  /**
   * Assets each component handles: what it processes, except that a frontend
   * handles only what it declares (a browser page sending its user's own data
   * is the user, not a system of ours that holds it).
   */
  handled: Map<string, Set<string>>;
  /** Users that reach each component directly. */
  usersOf: Map<string, User[]>;
  zoneOf(c: Component): Zone | undefined;
  regionOf(c: Component): string | undefined;
  /** ISO country code (or EU for somewhere in the EEA); undefined when the design does not say. */
  countryOf(c: Component): string | undefined;
}

export type Shared = <T>(key: string, compute: () => T) => T;

export function dataMap(design: Design, shared: Shared): DataMap {
  return shared('compliance:data-map', () => buildDataMap(design));
}

export function isStoreKind(c: Component): boolean {
  return STORE_KINDS.has(c.kind);
}

/** A cache or queue whose content expires within a month: a passing copy, not a record. */
export function isTransient(c: Component): boolean {
  return (c.kind === 'cache' || c.kind === 'queue') && c.retentionSeconds !== undefined && c.retentionSeconds <= ONE_MONTH_SECONDS;
}

/** Adds `item` to the set kept under `key`, creating the set only when something goes in it. */
function addTo(map: Map<string, Set<string>>, key: string, item: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(item);
}

function buildDataMap(design: Design): DataMap {
  const assets = new Map(design.data.map((d) => [d.id, d]));
  const components = new Map(design.components.map((c) => [c.id, c]));
  const zones = new Map(design.zones.map((z) => [z.id, z]));
  // Sets are made only for components that have data: most components of a large design have none.
  const held = new Map<string, Set<string>>();
  const touched = new Map<string, Set<string>>();
  const handled = new Map<string, Set<string>>();
  for (const c of design.components) {
    const store = isStoreKind(c);
    for (const a of c.stores) {
      addTo(held, c.id, a);
      addTo(touched, c.id, a);
    }
    for (const a of c.uses) {
      if (store) addTo(held, c.id, a);
      addTo(touched, c.id, a);
    }
    if (c.kind === 'frontend') for (const a of [...c.stores, ...c.uses]) addTo(handled, c.id, a);
  }
  for (const link of design.links) {
    if (link.carries.length === 0) continue;
    const from = components.get(link.from);
    const to = components.get(link.to);
    for (const a of link.carries) {
      if (from) addTo(touched, from.id, a);
      if (to) {
        addTo(touched, to.id, a);
        if (isStoreKind(to)) addTo(held, to.id, a);
      }
    }
  }
  for (const [id, set] of touched) if (components.get(id)!.kind !== 'frontend') handled.set(id, set);
  const usersOf = new Map<string, User[]>();
  for (const u of design.users) {
    for (const id of u.uses) {
      let list = usersOf.get(id);
      if (!list) usersOf.set(id, (list = []));
      list.push(u);
    }
  }
  const zoneOf = (c: Component) => (c.zone ? zones.get(c.zone) : undefined);
  const regionOf = (c: Component) => c.region ?? zoneOf(c)?.region ?? (c.kind === 'external' ? undefined : design.system.region);
  return {
    assets, components, held, touched, handled, usersOf, zoneOf, regionOf,
    countryOf: (c) => {
      if (c.country) return c.country;
      const region = regionOf(c);
      return region ? countryOfRegion(region) : undefined;
    },
  };
}

/** The assets among `ids` that satisfy `test`, in a stable order. */
export function assetsWhere(map: DataMap, ids: Iterable<string> | undefined, test: (a: DataAsset) => boolean): string[] {
  const out: string[] = [];
  for (const id of ids ?? []) {
    const a = map.assets.get(id);
    if (a && test(a)) out.push(id);
  }
  return out.sort();
}

/** Components, in design order, that hold at rest at least one asset passing `test`. */
export function holdersOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { component: Component; assets: string[] }[] {
  const out: { component: Component; assets: string[] }[] = [];
  for (const c of design.components) {
    const assets = assetsWhere(map, map.held.get(c.id), test);
    if (assets.length > 0) out.push({ component: c, assets });
  }
  return out;
}

/** Components, in design order, that process at least one asset passing `test`. */
export function processorsOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { component: Component; assets: string[] }[] {
  const out: { component: Component; assets: string[] }[] = [];
  for (const c of design.components) {
    const assets = assetsWhere(map, map.touched.get(c.id), test);
    if (assets.length > 0) out.push({ component: c, assets });
  }
  return out;
}

/** Components, in design order, that handle at least one asset passing `test` (see DataMap.handled). */
export function handlersOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { component: Component; assets: string[] }[] {
  const out: { component: Component; assets: string[] }[] = [];
  for (const c of design.components) {
    const assets = assetsWhere(map, map.handled.get(c.id), test);
    if (assets.length > 0) out.push({ component: c, assets });
  }
  return out;
}

/** Links carrying at least one asset passing `test`. */
export function linksCarrying(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { link: Link; assets: string[] }[] {
  const out: { link: Link; assets: string[] }[] = [];
  for (const link of design.links) {
    const assets = assetsWhere(map, link.carries, test);
    if (assets.length > 0) out.push({ link, assets });
  }
  return out;
}
