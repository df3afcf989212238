/** What the PCI DSS rules evaluate: account data (PAN, SAD), the components handling it and the CDE. */
import type { Component, Design } from '../../../model/design.js';
import { isAccountData, isPan } from '../compliance/classify.js';
import type { ControlScope } from '../compliance/control.js';
import { dataMap, handlersOf, holdersOf, linksCarrying, type DataMap, type Shared } from '../compliance/data-map.js';

export interface AccountHolding {
  component: Component;
  assets: readonly string[];
}

export interface PciScope {
  map: DataMap;
  /** Our components (not external) that store, process or transmit account data. */
  handlers: AccountHolding[];
  /** External parties receiving account data. */
  providers: AccountHolding[];
  /** Components keeping account data at rest. */
  stores: AccountHolding[];
  /** Components keeping PAN at rest. */
  panStores: AccountHolding[];
  panLinks: ReturnType<typeof linksCarrying>;
  /** Components in a zone marked `cde: true`. */
  cde: Component[];
  inCde(c: Component): boolean;
  anyCdeZone: boolean;
}

export function pciScope(design: Design, shared: Shared): PciScope {
  return shared('pci:scope', () => {
    const map = dataMap(design, shared);
    const all = handlersOf(design, map, isAccountData);
    const inCde = (c: Component) => map.zoneOf(c)?.cde === true;
    return {
      map,
      handlers: all.filter((h) => h.component.kind !== 'external'),
      providers: all.filter((h) => h.component.kind === 'external'),
      stores: holdersOf(design, map, isAccountData),
      panStores: holdersOf(design, map, isPan),
      panLinks: linksCarrying(design, map, isPan),
      cde: design.components.filter((c) => c.kind !== 'external' && inCde(c)),
      inCde,
      anyCdeZone: design.zones.some((z) => z.cde === true),
    };
  });
}

export const scopeOf = ({ design, shared }: ControlScope) => pciScope(design, shared);

/** Untrusted networks: zones of no or low trust (the internet, a DMZ the public reaches). */
export function isUntrustedZone(trust: string | undefined): boolean {
  return trust === 'none' || trust === 'low';
}
