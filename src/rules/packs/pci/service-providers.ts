import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { pciScope, scopeOf, type PciScope } from './scope.js';

/** External parties with which account data is shared, or that sit in the CDE and could affect it. */
function providers(scope: PciScope, components: Iterable<Component>): { component: Component; assets: readonly string[] }[] {
  const byId = new Map(scope.providers.map((p) => [p.component.id, p.assets]));
  const out: { component: Component; assets: readonly string[] }[] = [];
  for (const c of components) {
    if (c.kind !== 'external') continue;
    const assets = byId.get(c.id);
    if (assets || scope.inCde(c)) out.push({ component: c, assets: assets ?? [] });
  }
  return out;
}

export default defineComplianceRule({
  id: 'pci/service-providers',
  severity: 'error',
  regime: 'pci',
  summary: 'A third-party service provider handling account data with no written agreement acknowledging its responsibility.',
  rationale:
    'PCI DSS v4.0.1 Req. 12.8.1 keeps a list of all third-party service providers "with which account data is shared or that could affect the security of account data"; Req. 12.8.2 keeps written agreements in which each acknowledges it is responsible for the security of the account data it handles. An attestation of compliance (AOC) is evidence for monitoring their compliance (12.8.4), not that acknowledgement.',
  citations: ['PCI DSS v4.0.1 Req. 12.8.1', 'PCI DSS v4.0.1 Req. 12.8.2', 'PCI DSS v4.0.1 Req. 12.8.4'],
  fix: 'Sign a written agreement in which the provider acknowledges responsibility for account data (`agreements: [tpsp]`) and collect its AOC every year (`aoc`).',
  control: {
    id: '12.8',
    title: 'Third-party service providers under written agreements',
    appliesTo: (scope) => providers(scopeOf(scope), scope.design.components).map((p) => componentRef(p.component)),
  },
  check(ctx) {
    const scope = pciScope(ctx.design, ctx.shared);
    for (const { component: c, assets } of providers(scope, ctx.design.components)) {
      const what = assets.length > 0 ? `receives account data (${assets.join(', ')})` : 'sits in the cardholder data environment';
      if (!c.agreements.includes('tpsp')) {
        ctx.report({
          subject: componentRef(c), field: ['agreements'], detail: 'agreement',
          message: `${c.id} ${what} with no written agreement acknowledging its responsibility for the security of account data.`,
          evidence: { agreements: c.agreements.join(', ') || 'none' },
        });
      } else if (!c.agreements.includes('aoc')) {
        ctx.report({
          subject: componentRef(c), field: ['agreements'], detail: 'aoc', severity: 'warning',
          message: `${c.id} ${what} with no attestation of compliance on record to monitor its PCI DSS status.`,
          evidence: { agreements: c.agreements.join(', ') },
        });
      }
    }
  },
});
