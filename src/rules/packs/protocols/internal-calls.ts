/** What the protocol rules share: which links are internal calls, and which decisions explain a link's protocol. */
import type { Component, Decision, Design, Link } from '../../../model/design.js';
import { zone } from '../../../model/design.js';
import type { ComponentDoc } from '../../../model/schema.js';
import type { RuleContext } from '../../types.js';

/** Kinds that run our own code and so can speak the internal standard. */
const SERVICE_KINDS = new Set<ComponentDoc['kind']>(['service', 'gateway', 'job']);
/** Protocols of datastores and caches: a client speaks the store's own protocol, whatever the standard. */
const STORE_PROTOCOLS = new Set([
  'sql', 'postgres', 'postgresql', 'mysql', 'mariadb', 'oracle', 'tds', 'jdbc', 'odbc', 'redis', 'memcached',
  'mongodb', 'mongo', 'cql', 'cassandra', 'dynamodb', 'elasticsearch', 's3', 'ldap',
]);
/** Words by which a decision may name a protocol. */
const PROTOCOL_WORDS: Record<string, string[]> = {
  http: ['http', 'rest'],
  https: ['https', 'rest'],
  websocket: ['websocket', 'websockets', 'ws', 'wss'],
};

export interface InternalCall {
  link: Link;
  from: Component;
  to: Component;
}

/** A link between two of our own components, neither of them in an untrusted zone. */
export function internalCall(design: Design, link: Link): InternalCall | undefined {
  const from = link.fromEnd.kind === 'component' ? link.fromEnd.element : undefined;
  const to = link.toEnd.kind === 'component' ? link.toEnd.element : undefined;
  if (!from || !to || from.kind === 'external' || to.kind === 'external') return undefined;
  if (zone(design, from.zone)?.trust === 'none' || zone(design, to.zone)?.trust === 'none') return undefined;
  return { link, from, to };
}

/** A call the internal standard governs: to a service, gateway or job, not in a datastore's own protocol. */
export function callsOwnCode(call: InternalCall): boolean {
  return SERVICE_KINDS.has(call.to.kind) && !usesStoreProtocol(call.link);
}

/** A synchronous call from one of our services to another: the calls that should share one protocol. */
export function isServiceToService(call: InternalCall): boolean {
  return call.link.mode === 'sync' && SERVICE_KINDS.has(call.from.kind) && callsOwnCode(call);
}

export function usesStoreProtocol(link: Link): boolean {
  return STORE_PROTOCOLS.has(link.protocol) || STORE_PROTOCOLS.has(normal(link.protocol));
}

export function normal(protocol: string): string {
  return protocol.trim().toLowerCase();
}

/** Protocol names compared without case; the exact match first, as most are written alike. */
export function sameProtocol(a: string, b: string): boolean {
  return a === b || normal(a) === normal(b);
}

/**
 * An accepted decision about the link (its id) or one of its ends that names the link's protocol:
 * a decision about the same service that says nothing of the protocol does not explain it.
 */
export function explainingDecision(ctx: RuleContext, link: Link): Decision | undefined {
  const byElement = ctx.shared('protocols/accepted-decisions-by-element', () => acceptedDecisionsByElement(ctx.design));
  const wanted = PROTOCOL_WORDS[normal(link.protocol)] ?? [normal(link.protocol)];
  for (const id of [link.id, link.from, link.to]) {
    for (const { decision, words } of byElement.get(id) ?? []) {
      if (wanted.some((w) => words.has(w))) return decision;
    }
  }
  return undefined;
}

interface DecisionWords {
  decision: Decision;
  words: Set<string>;
}

function acceptedDecisionsByElement(design: Design): Map<string, DecisionWords[]> {
  const out = new Map<string, DecisionWords[]>();
  for (const decision of design.decisions) {
    if (decision.status !== 'accepted') continue;
    // The context often names the alternatives a decision rejected, so only what was decided counts.
    const text = [decision.title, decision.decision ?? '', decision.consequences ?? ''].join(' ').toLowerCase();
    const entry = { decision, words: new Set(text.split(/[^a-z0-9]+/).filter(Boolean)) };
    for (const id of decision.about) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(entry);
    }
  }
  return out;
}
