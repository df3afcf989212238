import type { Component, DataAsset, Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { assetRank, LEVELS, levelOf, rank } from '../../sensitivity.js';
import { assets } from './trust.js';

/** Data a component holds or handles: what it stores, uses, and receives over links. */
function handled(design: Design, c: Component): DataAsset[] {
  const ids = new Set<string>([...c.stores, ...c.uses]);
  for (const link of design.linksTo.get(c.id) ?? []) for (const d of link.carries) ids.add(d);
  return assets(design, [...ids]);
}

export default defineRule({
  id: 'security/classification-above-zone',
  severity: 'error',
  summary: 'A component handles data classified above what its zone may hold.',
  rationale:
    'A zone\'s `maxClassification` records what its controls were built for: who can reach it, how it is monitored, what it is certified for. Data more sensitive than that, placed there, is protected by controls sized for something else. Levels order as public < internal < confidential < restricted; personal data counts as confidential, and special-category, criminal, children\'s, health, card and credential data count as restricted. Zones without `maxClassification` are not checked.',
  citations: [
    'OWASP ASVS 4.0.3 V1.8.1 (all sensitive data is identified and classified into protection levels) and V1.8.2 (protection requirements of each level are applied in the architecture)',
    'NIST SP 800-53 Rev. 5 AC-4 Information Flow Enforcement; AC-16 Security and Privacy Attributes; RA-2 Security Categorization',
    'CIS Controls v8 Safeguard 3.7 Establish and Maintain a Data Classification Scheme; 3.12 Segment Data Processing and Storage Based on Sensitivity',
  ],
  fix: 'Move the component into a zone cleared for the data, stop sending it the data, or raise the zone\'s `maxClassification` once its controls match.',
  check(ctx) {
    const { design } = ctx;
    for (const c of design.components) {
      const zoneEl = c.zone ? design.byId.get(c.zone) : undefined;
      if (zoneEl?.kind !== 'zone' || !zoneEl.element.maxClassification) continue;
      const zone = zoneEl.element;
      const limit = rank(zone.maxClassification!);
      const above = handled(design, c).filter((d) => (assetRank(d) ?? 0) > limit);
      if (above.length === 0) continue;
      const highest = Math.max(...above.map((d) => assetRank(d) ?? 0));
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: ['zone'],
        message: `${c.id} handles ${LEVELS[highest]} data (${above.map((d) => d.id).join(', ')}) in zone ${zone.id}, which may hold at most ${levelOf(zone.maxClassification!)} data.`,
        evidence: { component: c.id, zone: zone.id, zoneMax: zone.maxClassification!, data: above.map((d) => d.id).join(', '), level: LEVELS[highest] },
      });
    }
  },
});
