import type { Component, Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { isSensitive } from '../../sensitivity.js';
import { assets, STORE_KINDS } from './trust.js';

interface Exposure {
  secrets: Component;
  store: Component;
  consumer: string;
}

function holdsSensitive(design: Design, c: Component): boolean {
  return c.stores.length > 0 && assets(design, c.stores).some(isSensitive);
}

/**
 * Pairs (secrets store, store of sensitive data) in one zone, where the data
 * store or a component reaching it takes credentials from that secrets store —
 * by `secretsFrom` or by a link into it. Linear in components + links.
 */
function exposures(design: Design): Exposure[] {
  const secretsOf = new Map<string, Set<string>>();
  const add = (consumer: string, secretsId: string) => {
    let set = secretsOf.get(consumer);
    if (!set) secretsOf.set(consumer, (set = new Set()));
    set.add(secretsId);
  };
  for (const c of design.components) if (c.secretsFrom) add(c.id, c.secretsFrom);
  for (const link of design.links) {
    const to = link.toEnd;
    if (to.kind === 'component' && to.element.kind === 'secrets') add(link.from, link.to);
  }
  const out: Exposure[] = [];
  for (const [consumerId, secretIds] of secretsOf) {
    const consumer = design.byId.get(consumerId);
    if (consumer?.kind !== 'component') continue;
    const protectedStores = [consumer.element];
    for (const link of design.linksFrom.get(consumerId) ?? []) {
      const to = link.toEnd;
      if (to.kind === 'component' && STORE_KINDS.has(to.element.kind)) protectedStores.push(to.element);
    }
    for (const secretsId of secretIds) {
      const s = design.byId.get(secretsId);
      if (s?.kind !== 'component' || s.element.kind !== 'secrets' || !s.element.zone) continue;
      for (const store of protectedStores) {
        if (store.kind === 'secrets' || store.zone !== s.element.zone || !holdsSensitive(design, store)) continue;
        out.push({ secrets: s.element, store, consumer: consumerId });
      }
    }
  }
  return out;
}

export default defineRule({
  id: 'security/secrets-beside-data',
  severity: 'warning',
  summary: 'A secrets store sits in the same zone as the data its secrets protect.',
  rationale:
    'Keys and credentials protect data only while they are harder to reach than the data. A secrets store in the same zone as the database whose credentials or encryption keys it holds falls with it: one foothold in the zone yields both the ciphertext and the key. Keep key management in its own, more restricted zone, with its own access path and audit.',
  citations: [
    'NIST SP 800-53 Rev. 5 SC-12 Cryptographic Key Establishment and Management; SC-28(3) Cryptographic Keys (protected storage for cryptographic keys); SC-7(13) Isolation of Security Tools, Mechanisms, and Support Components',
    'OWASP ASVS 4.0.3 V6.4.2 (key material is not exposed to the application but instead uses an isolated security module like a vault)',
    'CIS Controls v8 Safeguard 3.12 Segment Data Processing and Storage Based on Sensitivity',
  ],
  fix: 'Put the secrets store in a separate zone (for example `zone: keys`, trust restricted) reachable only by the components that take secrets from it.',
  check(ctx) {
    const { design } = ctx;
    for (const e of ctx.shared('security/secrets-exposures', () => exposures(design))) {
      ctx.report({
        subject: { kind: 'component', id: e.secrets.id },
        field: ['zone'],
        detail: e.store.id,
        message: `${e.secrets.id} holds the secrets ${e.consumer} uses, in the same zone (${e.secrets.zone}) as ${e.store.id}, whose sensitive data they protect.`,
        evidence: { secrets: e.secrets.id, store: e.store.id, consumer: e.consumer, zone: e.secrets.zone! },
      });
    }
  },
});
