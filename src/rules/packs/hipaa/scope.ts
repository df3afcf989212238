/** What the HIPAA rules evaluate: components and links that create, receive, maintain or transmit ePHI. */
import type { Component, Design } from '../../../model/design.js';
import { isPhi } from '../compliance/classify.js';
import type { ControlScope } from '../compliance/control.js';
import { dataMap, handlersOf, holdersOf, isTransient, linksCarrying, type DataMap, type Shared } from '../compliance/data-map.js';

export interface PhiHolding {
  component: Component;
  assets: readonly string[];
}

export interface PhiScope {
  map: DataMap;
  /** Components keeping ePHI at rest. */
  stores: PhiHolding[];
  /** Stores that are records (transient caches and queues left out). */
  records: PhiHolding[];
  /** Components handling ePHI in any way. */
  handlers: PhiHolding[];
  links: ReturnType<typeof linksCarrying>;
}

export function phiScope(design: Design, shared: Shared): PhiScope {
  return shared('hipaa:scope', () => {
    const map = dataMap(design, shared);
    const stores = holdersOf(design, map, isPhi);
    return {
      map,
      stores,
      records: stores.filter((s) => !isTransient(s.component)),
      handlers: handlersOf(design, map, isPhi),
      links: linksCarrying(design, map, isPhi),
    };
  });
}

export const scopeOf = ({ design, shared }: ControlScope) => phiScope(design, shared);
