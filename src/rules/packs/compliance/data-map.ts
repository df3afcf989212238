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
  /** Assets each component holds at rest. The three maps share sets where their content is the same. */
  held: ReadonlyMap<string, ReadonlySet<string>>;
  /** Assets each component processes: held, used, or carried on one of its links. */
  touched: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Assets each component handles: what it processes, except that a frontend
   * handles only what it declares (a browser page sending its user's own data
   * is the user, not a system of ours that holds it).
   */
  handled: ReadonlyMap<string, ReadonlySet<string>>;
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

/**
 * Collects asset ids into sets, handing out one shared set per single asset: most components of a large
 * design hold or touch exactly one asset, so holdersOf and handlersOf pick from each distinct set once
 * (on the 10k-component benchmark the two went from ~6 ms to ~2 ms). A set handed out never changes.
 */
class IdSets {
  private readonly singles = new Map<string, ReadonlySet<string>>();
  private first: string | undefined;
  private many: Set<string> | undefined;
  /** Whether `many` has been handed out, so that the next addition must copy it. */
  private taken = false;

  add(id: string): void {
    if (this.many) {
      if (this.many.has(id)) return;
      if (this.taken) this.many = new Set(this.many);
      this.taken = false;
      this.many.add(id);
    } else if (this.first === undefined) {
      this.first = id;
    } else if (id !== this.first) {
      this.many = new Set([this.first, id]);
    }
  }

  addAll(ids: readonly string[]): void {
    for (const id of ids) this.add(id);
  }

  addCarried(links: readonly Link[]): void {
    for (const link of links) this.addAll(link.carries);
  }

  /** The ids added so far (undefined when none); adding more afterwards does not change it. */
  take(): ReadonlySet<string> | undefined {
    if (this.many) {
      this.taken = true;
      return this.many;
    }
    if (this.first === undefined) return undefined;
    let single = this.singles.get(this.first);
    if (!single) this.singles.set(this.first, (single = new Set([this.first])));
    return single;
  }

  clear(): void {
    this.first = undefined;
    this.many = undefined;
    this.taken = false;
  }
}

function exceptFrontends(touched: ReadonlyMap<string, ReadonlySet<string>>, frontends: Map<string, ReadonlySet<string> | undefined>) {
  const out = new Map(touched);
  for (const [id, declared] of frontends) {
    if (declared) out.set(id, declared);
    else out.delete(id);
  }
  return out;
}

function setIf<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
  if (value !== undefined) map.set(key, value);
}

export function isStoreKind(c: Component): boolean {
  return STORE_KINDS.has(c.kind);
}

/** A cache or queue whose content expires within a month: a passing copy, not a record. */
export function isTransient(c: Component): boolean {
  return (c.kind === 'cache' || c.kind === 'queue') && c.retentionSeconds !== undefined && c.retentionSeconds <= ONE_MONTH_SECONDS;
}

function buildDataMap(design: Design): DataMap {
  const assets = new Map(design.data.map((d) => [d.id, d]));
  let components: Map<string, Component> | undefined;
  const zones = new Map(design.zones.map((z) => [z.id, z]));
  // Sets are made only for components that have data: most components of a large design have none.
  const held = new Map<string, ReadonlySet<string>>();
  const touched = new Map<string, ReadonlySet<string>>();
  // What each frontend declares: the only components whose `handled` differs from `touched`.
  const frontends = new Map<string, ReadonlySet<string> | undefined>();
  const ids = new IdSets();
  // Walking each component's own links (rather than all links) needs one map lookup per component, not two per link.
  for (const c of design.components) {
    ids.clear();
    ids.addAll(c.stores);
    ids.addAll(c.uses);
    // A frontend handles only what it declares.
    if (c.kind === 'frontend') frontends.set(c.id, ids.take());
    ids.addCarried(design.linksTo.get(c.id) ?? NO_LINKS);
    // A store keeps at rest everything it stores, uses or receives, but not what it only sends on.
    if (isStoreKind(c)) setIf(held, c.id, ids.take());
    ids.addCarried(design.linksFrom.get(c.id) ?? NO_LINKS);
    const processed = ids.take();
    setIf(touched, c.id, processed);
    if (!isStoreKind(c) && c.stores.length > 0) {
      ids.clear();
      ids.addAll(c.stores);
      setIf(held, c.id, ids.take());
    }
  }
  // Without frontends the two maps are one, which spares a third map of every component.
  const handled = frontends.size === 0 ? touched : exceptFrontends(touched, frontends);
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
    assets, held, touched, handled, usersOf, zoneOf, regionOf,
    // Built on first use: only the PCI rules ask, and only when PCI applies.
    get components() {
      return (components ??= new Map(design.components.map((c) => [c.id, c])));
    },
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

type Holdings = { component: Component; assets: readonly string[] }[];

function componentsWith(design: Design, sets: ReadonlyMap<string, ReadonlySet<string>>, pass: ReadonlySet<string>): Holdings {
  const out: Holdings = [];
  if (pass.size === 0) return out;
  // Components share sets (see IdSets), so each set is picked from once.
  const picked = new Map<ReadonlySet<string>, readonly string[]>();
  for (const c of design.components) {
    const set = sets.get(c.id);
    if (!set) continue;
    let assets = picked.get(set);
    if (!assets) picked.set(set, (assets = pick(set, pass)));
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
export function linksCarrying(design: Design, map: DataMap, test: (a: DataAsset) => boolean): { link: Link; assets: readonly string[] }[] {
  const out: { link: Link; assets: readonly string[] }[] = [];
  const pass = passing(map, test);
  if (pass.size === 0) return out;
  for (const link of design.links) {
    // Most links carry only assets that pass, in order: their own list is the answer, with no copy per link.
    const assets = link.carries.every((id, i) => pass.has(id) && (i === 0 || link.carries[i - 1] < id)) ? link.carries : pick(link.carries, pass);
    if (assets.length > 0) out.push({ link, assets });
  }
  return out;
}
