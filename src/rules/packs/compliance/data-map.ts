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

const NO_LINKS: readonly Link[] = [];

export function isStoreKind(c: Component): boolean {
  return STORE_KINDS.has(c.kind);
}

/** A cache or queue whose content expires within a month: a passing copy, not a record. */
export function isTransient(c: Component): boolean {
  return (c.kind === 'cache' || c.kind === 'queue') && c.retentionSeconds !== undefined && c.retentionSeconds <= ONE_MONTH_SECONDS;
}

function buildDataMap(design: Design): DataMap {
  const assets = new Map(design.data.map((d) => [d.id, d]));
  const components = new Map(design.components.map((c) => [c.id, c]));
  const zones = new Map(design.zones.map((z) => [z.id, z]));
  // Sets are made only for components that have data: most components of a large design have none.
  const held = new Map<string, Set<string>>();
  const touched = new Map<string, Set<string>>();
  const handled = new Map<string, Set<string>>();
  // Walking each component's own links (rather than all links) needs one set lookup per component, not two per link.
  for (const c of design.components) {
    const store = isStoreKind(c);
    const declared = c.stores.length + c.uses.length > 0 ? new Set([...c.stores, ...c.uses]) : undefined;
    // A store keeps at rest everything it uses; other kinds keep only what they list in `stores`.
    const keptAtRest = store ? declared : c.stores.length > 0 ? c.stores : undefined;
    let kept = keptAtRest ? new Set(keptAtRest) : undefined;
    let processed = declared ? new Set(declared) : undefined;
    for (const link of design.linksFrom.get(c.id) ?? NO_LINKS) {
      for (const a of link.carries) (processed ??= new Set()).add(a);
    }
    for (const link of design.linksTo.get(c.id) ?? NO_LINKS) {
      for (const a of link.carries) {
        (processed ??= new Set()).add(a);
        if (store) (kept ??= new Set()).add(a);
      }
    }
    if (kept) held.set(c.id, kept);
    if (processed) touched.set(c.id, processed);
    if (c.kind !== 'frontend') {
      if (processed) handled.set(c.id, processed);
    } else if (declared) handled.set(c.id, declared);
  }
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
  return pick(ids, passing(map, test));
}

/** Ids of the assets that satisfy `test`: asked once per asset, not once per reference to it. */
function passing(map: DataMap, test: (a: DataAsset) => boolean): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [id, asset] of map.assets) if (test(asset)) out.add(id);
  return out;
}

function pick(ids: Iterable<string> | undefined, pass: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (ids === undefined || pass.size === 0) return out;
  for (const id of ids) if (pass.has(id)) out.push(id);
  return out.length > 1 ? out.sort() : out;
}

type Holdings = { component: Component; assets: string[] }[];

function componentsWith(design: Design, sets: Map<string, Set<string>>, pass: ReadonlySet<string>): Holdings {
  const out: Holdings = [];
  if (pass.size === 0) return out;
  for (const c of design.components) {
    const assets = pick(sets.get(c.id), pass);
    if (assets.length > 0) out.push({ component: c, assets });
  }
  return out;
}

/** Components, in design order, that hold at rest at least one asset passing `test`. */
export function holdersOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): Holdings {
  return componentsWith(design, map.held, passing(map, test));
}

/** Components, in design order, that process at least one asset passing `test`. */
export function processorsOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): Holdings {
  return componentsWith(design, map.touched, passing(map, test));
}

/** Components, in design order, that handle at least one asset passing `test` (see DataMap.handled). */
export function handlersOf(design: Design, map: DataMap, test: (a: DataAsset) => boolean): Holdings {
  return componentsWith(design, map.handled, passing(map, test));
}

/** Links carrying at least one asset passing `test`. */
export function linksCarrying(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { link: Link; assets: string[] }[] {
  const out: { link: Link; assets: string[] }[] = [];
  const pass = passing(map, test);
  if (pass.size === 0) return out;
  for (const link of design.links) {
    const assets = pick(link.carries, pass);
    if (assets.length > 0) out.push({ link, assets });
  }
  return out;
}
