import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { listOf, reportGap, SYSTEM } from '../compliance/report.js';
import { ADEQUACY } from './adequacy.js';
import { countryOfRegion, isEeaCountry } from './geography.js';
import { personalScope, scopeOf, type Holding, type PersonalScope } from './scope.js';

/**
 * Our components whose region nothing states (no `region`, none on their zone,
 * no `system.region`): one gap on the system, not one per component.
 */
function split(scope: PersonalScope): { located: Holding[]; unplaced: Holding[] } {
  const located: Holding[] = [];
  const unplaced: Holding[] = [];
  for (const h of scope.handlers) {
    (h.component.kind !== 'external' && scope.map.regionOf(h.component) === undefined && !h.component.country ? unplaced : located).push(h);
  }
  return { located, unplaced };
}

type Mechanism = NonNullable<Component['transferMechanism']>;

function mechanismOf(c: Component, country: string): Mechanism | undefined {
  if (c.transferMechanism) return c.transferMechanism;
  if (c.agreements.includes('scc')) return 'scc';
  if (c.agreements.includes('bcr')) return 'bcr';
  if (ADEQUACY.countries.has(country)) return 'adequacy';
  return undefined;
}

export default defineComplianceRule({
  id: 'gdpr/third-country-transfer',
  severity: 'error',
  regime: 'gdpr',
  summary: 'Personal data sent outside the EEA with no Chapter V transfer mechanism.',
  rationale:
    'A transfer of personal data to a third country "shall take place only if" the conditions of Chapter V are met, "including for onward transfers" (Art. 44): an adequacy decision (Art. 45), appropriate safeguards such as standard contractual clauses or binding corporate rules (Art. 46(2)), or, for occasional transfers only, a derogation (Art. 49). Adequacy is checked against a dated list (see adequacy.ts): for the US it covers only companies certified under the EU-US Data Privacy Framework.',
  citations: ['GDPR Art. 44', 'GDPR Art. 45(1)', 'GDPR Art. 46(2)', 'GDPR Art. 49(1)'],
  fix: 'Keep the data in the EEA, or state `transferMechanism:` (dpf for a DPF-certified US company, scc with `agreements: [scc]`, bcr, …) on the component outside it.',
  control: {
    id: 'Art. 44-49',
    title: 'Transfers outside the EEA under a Chapter V mechanism',
    appliesTo: (scope) => {
      const { located, unplaced } = split(scopeOf(scope));
      return [...(unplaced.length > 0 ? [SYSTEM] : []), ...located.map((h) => componentRef(h.component))];
    },
  },
  check(ctx) {
    const scope = personalScope(ctx.design, ctx.shared);
    const { map } = scope;
    const { located, unplaced } = split(scope);
    if (unplaced.length > 0) {
      const ids = unplaced.map((h) => h.component.id);
      reportGap(ctx, {
        subject: SYSTEM,
        field: 'region',
        shown: 'system.region',
        why: `(or \`region:\` on their zones) so it is clear whether the ${ids.length} components handling personal data (${listOf(ids.length > 5 ? [...ids.slice(0, 5), `${ids.length - 5} more`] : ids)}) keep it in the EEA`,
        evidence: { components: ids.length, first: ids[0]! },
      });
    }
    for (const { component: c, assets } of located) {
      const subject = componentRef(c);
      const region = map.regionOf(c);
      const country = map.countryOf(c);
      if (country === undefined) {
        reportGap(ctx, {
          subject,
          field: region ? 'country' : 'region',
          why: region
            ? `(its region "${region}" names no country archwright knows) so it is clear whether personal data (${assets.join(', ')}) leaves the EEA`
            : `so it is clear whether the personal data it receives (${assets.join(', ')}) leaves the EEA`,
          evidence: { data: assets.join(', '), region: region ?? 'not stated' },
        });
      } else if (!isEeaCountry(country)) {
        checkTransfer(c, country, region, assets, 'the component');
      }
      const backupRegion = c.backup?.region;
      const backupCountry = backupRegion ? countryOfRegion(backupRegion) : undefined;
      if (backupCountry && !isEeaCountry(backupCountry)) checkTransfer(c, backupCountry, backupRegion, assets, 'backup');
    }

    function checkTransfer(c: Component, country: string, region: string | undefined, assets: readonly string[], what: 'the component' | 'backup') {
      const mechanism = mechanismOf(c, country);
      const where = `${country}${region && region !== country ? ` (${region})` : ''}`;
      const subject = componentRef(c);
      const field = what === 'backup' ? ['backup', 'region'] : ['transferMechanism'];
      const detail = what === 'backup' ? 'backup' : undefined;
      const evidence = { country, data: assets.join(', '), mechanism: mechanism ?? 'none', adequacyListAsOf: ADEQUACY.asOf };
      const holder = what === 'backup' ? `Backups of ${c.id} are` : `${c.id} is`;
      if (mechanism === undefined) {
        const partial = ADEQUACY.partial.get(country);
        ctx.report({
          subject, field, detail, evidence,
          message: `${holder} in ${where}, outside the EEA, and receive${what === 'backup' ? '' : 's'} personal data (${assets.join(', ')}) with no transfer mechanism${partial ? ` (adequacy for ${country} covers only ${partial})` : ''}.`,
        });
      } else if (mechanism === 'adequacy' && !ADEQUACY.countries.has(country)) {
        const partial = ADEQUACY.partial.get(country);
        ctx.report({
          subject, field, detail, evidence,
          message: partial
            ? `${holder} in ${where} and relies on adequacy, which for ${country} covers only ${partial}: state that (e.g. transferMechanism: dpf) or use safeguards.`
            : `${holder} in ${where} and relies on adequacy, but ${country} has no adequacy decision (list as of ${ADEQUACY.asOf}).`,
        });
      } else if (mechanism === 'dpf' && country !== 'US') {
        ctx.report({
          subject, field, detail, evidence,
          message: `${holder} in ${where} but names the EU-US Data Privacy Framework, which covers only transfers to certified US companies.`,
        });
      } else if (mechanism === 'derogation') {
        ctx.report({
          subject, field, detail, evidence,
          severity: 'warning',
          message: `${holder} in ${where} and relies on an Art. 49 derogation, which covers occasional transfers, not a designed, regular data flow.`,
        });
      }
    }
  },
});
