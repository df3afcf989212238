/**
 * What the security rules need to know about the two ends of a link: the zone
 * and trust level of each end, and which data assets a list of ids names.
 * Every helper is O(1) per call.
 */
import type { Component, DataAsset, Design, Existing, Zone } from '../../../model/design.js';
import type { RuleContext } from '../../types.js';

export const TRUST_RANK: Record<Zone['trust'], number> = { none: 0, low: 1, internal: 2, high: 3, restricted: 4 };
/** Zones at or below this rank are untrusted: the internet, a DMZ. */
export const UNTRUSTED_MAX = TRUST_RANK.low;

/** Kinds that hold data for others to read and write. */
export const STORE_KINDS: ReadonlySet<string> = new Set(['datastore', 'cache']);
/** Kinds that run our own request-handling code. */
export const SERVICE_KINDS: ReadonlySet<string> = new Set(['service', 'gateway', 'frontend', 'job']);

export interface Endpoint {
  id: string;
  /** Undefined for an existing system (no component record). */
  component?: Component;
  zone?: Zone;
  /** Trust rank of the zone; external parties without a zone count as untrusted (0). */
  trust?: number;
}

/**
 * Endpoint lookup for the review, built once over components and existing systems and shared by every rule.
 * Keyed by the element itself, which links hold (`fromEnd`, `toEnd`): rules ask once per link, and an object
 * key needs neither a string hash nor a string compare.
 */
export function endpoints(ctx: RuleContext): (element: Component | Existing) => Endpoint {
  const map = ctx.shared('security/endpoints', () => {
    const zones = new Map(ctx.design.zones.map((z) => [z.id, z]));
    const out = new Map<Component | Existing, Endpoint>();
    for (const c of ctx.design.components) out.set(c, endpointOf(c, c, zones));
    for (const e of ctx.design.existing) out.set(e, endpointOf(e, undefined, zones));
    return out;
  });
  return (element) => map.get(element)!;
}

function endpointOf(element: Component | Existing, component: Component | undefined, zones: Map<string, Zone>): Endpoint {
  const zone = element.zone ? zones.get(element.zone) : undefined;
  let trust = zone ? TRUST_RANK[zone.trust] : undefined;
  if (trust === undefined && component?.kind === 'external') trust = TRUST_RANK.none;
  return { id: element.id, component, zone, trust };
}

export function assets(design: Design, ids: readonly string[]): DataAsset[] {
  const out: DataAsset[] = [];
  for (const id of ids) {
    const e = design.byId.get(id);
    if (e?.kind === 'data') out.push(e.element);
  }
  return out;
}

/** "transcript (personal, phi), bot-config (credentials)". */
export function describeAssets(list: readonly DataAsset[], label: (d: DataAsset) => string): string {
  return list.map((d) => `${d.id} (${label(d)})`).join(', ');
}

/** "zone edge (trust low)", or "no zone" for an endpoint outside every zone. */
export function zoneName(e: Endpoint): string {
  return e.zone ? `zone ${e.zone.id} (trust ${e.zone.trust})` : 'no zone';
}

const OPERATOR_KINDS: ReadonlySet<string> = new Set(['operator', 'admin']);

/** Components that operators or administrators use directly, with those users' ids. */
export function operatorEntryPoints(design: Design): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of design.users) {
    if (!OPERATOR_KINDS.has(u.kind)) continue;
    for (const id of u.uses) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(u.id);
    }
  }
  return out;
}

/** The first public interface that is administrative, or any public one of a component operators use. */
export function adminInterface(c: Component, operators: string[] | undefined) {
  const i = c.exposes.findIndex((iface) => iface.public && (iface.admin || operators !== undefined));
  return i === -1 ? undefined : { iface: c.exposes[i], i };
}
