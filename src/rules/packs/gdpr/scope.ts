/** What the GDPR rules evaluate: personal data, the stores that hold it and the links that carry it. */
import type { Component, Design } from '../../../model/design.js';
import { isPersonal } from '../compliance/classify.js';
import type { ControlScope } from '../compliance/control.js';
import { dataMap, handlersOf, holdersOf, isTransient, linksCarrying, type DataMap, type Shared } from '../compliance/data-map.js';

export interface Holding {
  component: Component;
  /** Personal data assets it holds (or handles), sorted. */
  assets: readonly string[];
}

export interface PersonalScope {
  map: DataMap;
  /** Components holding personal data at rest, logs, caches and queues included. */
  stores: Holding[];
  /** Stores that are records, not passing copies (transient caches and queues left out). */
  records: Holding[];
  /** Components handling personal data in any way. */
  handlers: Holding[];
  links: ReturnType<typeof linksCarrying>;
}

export function personalScope(design: Design, shared: Shared): PersonalScope {
  return shared('gdpr:scope', () => {
    const map = dataMap(design, shared);
    const stores = holdersOf(design, map, isPersonal);
    return {
      map,
      stores,
      records: stores.filter((s) => !isTransient(s.component)),
      handlers: handlersOf(design, map, isPersonal),
      links: linksCarrying(design, map, isPersonal),
    };
  });
}

export const scopeOf = ({ design, shared }: ControlScope) => personalScope(design, shared);
