import type { Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { endpoints, STORE_KINDS, TRUST_RANK, UNTRUSTED_MAX, zoneName } from './trust.js';

/** The trust ranks the design's zones use, ascending. */
function declaredRanks(design: Design): number[] {
  return [...new Set(design.zones.map((z) => TRUST_RANK[z.trust]))].sort((a, b) => a - b);
}

export default defineRule({
  id: 'security/datastore-across-trust-boundary',
  severity: 'error',
  summary: 'A datastore is reached directly from an untrusted zone, or from a zone more than one tier below its own.',
  rationale:
    'Tiers exist so that each boundary crossing passes a control: the edge talks to the application tier, the application tier to the data tier. A caller in an untrusted zone, or one that skips the application tier to open a database connection into the data zone, puts the store one stolen credential away from the outside and bypasses the services that enforce access rules on the data. Callers in the tier right below the store\'s zone are the normal path and are not reported.',
  citations: [
    'OWASP ASVS 4.0.3 V1.14.1 (segregation of components of differing trust levels) and V1.4.4 (all requests pass through a single access control mechanism; no insecure alternative paths)',
    'NIST SP 800-53 Rev. 5 SC-7 Boundary Protection; AC-4 Information Flow Enforcement',
    'CIS Controls v8 Safeguard 3.12 Segment Data Processing and Storage Based on Sensitivity',
    'Guide §4 Security and Compliance: Protect Data',
  ],
  fix: 'Let a service in the tier below the data zone own the store and expose an API; point the caller at that service.',
  check(ctx) {
    const { design } = ctx;
    const at = endpoints(ctx);
    const ranks = ctx.shared('security/declared-trust-ranks', () => declaredRanks(design));
    /** The nearest declared trust rank below `rank`: the tier that should front a store at `rank`. */
    const tierBelow = (rank: number) => {
      let below: number | undefined;
      for (const r of ranks) if (r < rank) below = r;
      return below;
    };
    for (const c of design.components) {
      if (!STORE_KINDS.has(c.kind)) continue;
      const store = at(c);
      if (store.trust === undefined) continue;
      const fronting = tierBelow(store.trust);
      for (const link of design.linksTo.get(c.id) ?? []) {
        const from = at(link.fromEnd.element);
        if (from.trust === undefined || from.trust >= store.trust) continue;
        const untrusted = from.trust <= UNTRUSTED_MAX;
        if (!untrusted && fronting !== undefined && from.trust >= fronting) continue;
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['from'],
          message: `${link.from} in ${zoneName(from)} opens ${link.protocol} straight into ${c.id} in ${zoneName(store)}, skipping the tier that should front it.`,
          evidence: { from: link.from, fromZone: from.zone?.id ?? 'none', store: c.id, storeZone: store.zone?.id ?? 'none', protocol: link.protocol },
        });
      }
    }
  },
});
