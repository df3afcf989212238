import type { Design, Link } from '../../../model/design.js';
import { defineRule } from '../../types.js';

interface Mismatch {
  adapter: string;
  target: string;
  link: Link;
  usual: string;
  usedBy: number;
}

/** Adapters grouped by the interface they implement, each with its link towards it. */
function mismatches(design: Design): Mismatch[] {
  const explained = new Set<string>();
  for (const d of design.decisions) if (d.status === 'accepted') for (const id of d.about) explained.add(id);
  const byTarget = new Map<string, { adapter: string; link: Link }[]>();
  for (const c of design.components) {
    if (!c.adapterFor) continue;
    const link = (design.linksFrom.get(c.id) ?? []).find((l) => l.to === c.adapterFor)
      ?? (design.linksTo.get(c.id) ?? []).find((l) => l.from === c.adapterFor);
    if (!link) continue;
    let list = byTarget.get(c.adapterFor);
    if (!list) byTarget.set(c.adapterFor, (list = []));
    list.push({ adapter: c.id, link });
  }
  const out: Mismatch[] = [];
  for (const [target, adapters] of byTarget) {
    if (adapters.length < 2) continue;
    const counts = new Map<string, number>();
    for (const a of adapters) counts.set(a.link.protocol.toLowerCase(), (counts.get(a.link.protocol.toLowerCase()) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The usual protocol: the most common; ties go to the alphabetically first, so the result is stable.
    const [usual, usedBy] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    for (const a of adapters) {
      if (a.link.protocol.toLowerCase() === usual || explained.has(a.adapter)) continue;
      out.push({ adapter: a.adapter, target, link: a.link, usual, usedBy });
    }
  }
  return out;
}

export default defineRule({
  id: 'plug-and-play/adapter-protocol-mismatch',
  severity: 'warning',
  summary: 'Adapters for the same interface use different protocols towards it, and no decision explains why.',
  rationale:
    'Adapters exist so that the core sees one interface. If one adapter speaks gRPC to it and another HTTP, the interface has two implementations to secure, monitor and evolve, and the next adapter author has to guess which to copy. A protocol difference may be justified — record it in a decision about the adapter so the next reviewer does not have to ask.',
  citations: [
    'Guide §4 Security and Compliance: Standardize Protocols ("maintain consistent standards (e.g., HTTP vs. GRPC)")',
    'Guide §6 Integration with Existing Systems: Maintain Protocols',
    'Michael Nygard, "Documenting Architecture Decisions", 2011',
  ],
  fix: 'Make the adapter use the same protocol as the others, or add an accepted decision whose `about:` lists the adapter and explains the difference.',
  check(ctx) {
    const { design } = ctx;
    for (const m of ctx.shared('plug-and-play/adapter-mismatches', () => mismatches(design))) {
      ctx.report({
        subject: { kind: 'link', id: m.link.id },
        field: ['protocol'],
        message: `Adapter ${m.adapter} talks ${m.link.protocol} to ${m.target}, while ${m.usedBy} other adapter${m.usedBy === 1 ? '' : 's'} for it use${m.usedBy === 1 ? 's' : ''} ${m.usual}, and no accepted decision about ${m.adapter} explains why.`,
        evidence: { adapter: m.adapter, interface: m.target, protocol: m.link.protocol, usual: m.usual },
      });
    }
  },
});
