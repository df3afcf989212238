import type { Component, Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';

interface DirectWiring {
  component: string;
  platform: string;
  externals: Set<string>;
  /** First link between them, for the location. */
  link: string;
}

/**
 * For each platform with two or more external parties: the non-adapter
 * components linked to them (either direction), grouped by component.
 * Gateways only forward traffic and are not core services. Linear in links.
 */
function directWirings(design: Design): DirectWiring[] {
  const byPlatform = new Map<string, Component[]>();
  for (const c of design.components) {
    if (c.kind !== 'external' || !c.platform) continue;
    const key = c.platform.toLowerCase();
    let list = byPlatform.get(key);
    if (!list) byPlatform.set(key, (list = []));
    list.push(c);
  }
  const found = new Map<string, DirectWiring>();
  for (const [platform, externals] of byPlatform) {
    if (externals.length < 2) continue;
    for (const ext of externals) {
      const links = [...(design.linksFrom.get(ext.id) ?? []), ...(design.linksTo.get(ext.id) ?? [])];
      for (const link of links) {
        const otherId = link.from === ext.id ? link.to : link.from;
        const other = design.byId.get(otherId);
        if (other?.kind !== 'component') continue;
        const o = other.element;
        if (o.adapterFor || o.kind === 'gateway' || o.kind === 'external') continue;
        const key = `${o.id}\u0000${platform}`;
        let w = found.get(key);
        if (!w) found.set(key, (w = { component: o.id, platform, externals: new Set(), link: link.id }));
        w.externals.add(ext.id);
      }
    }
  }
  return [...found.values()];
}

export default defineRule({
  id: 'plug-and-play/platforms-without-adapter',
  severity: 'warning',
  summary: 'A core component talks to several external platforms of one kind directly instead of through one adapter interface.',
  rationale:
    'When a core service speaks to Slack and Teams (or two payment providers, or two identity providers) in their own terms, every new platform changes the core, each platform\'s quirks leak into business logic, and swapping one out is a rewrite. One adapter per platform behind a single interface keeps the core platform-agnostic: a new platform is a new adapter.',
  citations: [
    'Guide §3 Scalability Considerations: Plug-and-Play Design ("create reusable modules or systems (e.g., a bot engine that works across platforms)")',
    'Gamma, Helm, Johnson, Vlissides, Design Patterns (1994), Adapter',
    'Alistair Cockburn, "Hexagonal architecture" (ports and adapters), 2005',
    'Microsoft Azure Architecture Center, Anti-corruption Layer pattern',
  ],
  fix: 'Add an adapter per platform (`adapterFor: <the interface component>`) and route the core component\'s calls through the adapters.',
  check(ctx) {
    const { design } = ctx;
    for (const w of ctx.shared('plug-and-play/direct-wirings', () => directWirings(design))) {
      const externals = [...w.externals];
      const named = externals.length > 5 ? `${externals.slice(0, 5).join(', ')} and ${externals.length - 5} more` : externals.join(', ');
      ctx.report({
        subject: { kind: 'component', id: w.component },
        field: ['id'],
        detail: w.platform,
        message: externals.length > 1
          ? `${w.component} talks to ${externals.length} ${w.platform} platforms directly (${named}) instead of through one adapter interface.`
          : `${w.component} talks to the ${w.platform} platform ${externals[0]} directly, while other ${w.platform} platforms exist; route it through an adapter interface.`,
        evidence: { component: w.component, platform: w.platform, externals: named, firstLink: w.link },
      });
    }
  },
});
