/**
 * The GDPR Art. 30(1) record of processing activities, generated from the
 * design: one activity per purpose (data assets without purposes share the
 * system's purpose), with controller and DPO, purposes and bases, categories
 * of subjects and data, recipients, third-country transfers and their
 * safeguards, erasure time limits and a general description of the security
 * measures. What the design does not say is listed as a gap, never invented.
 * Pure: design in, record out.
 */
import type { Component, DataAsset, Design } from '../model/design.js';
import { isPersonal, isSpecialCategory } from '../rules/packs/compliance/classify.js';
import { dataMap, type DataMap } from '../rules/packs/compliance/data-map.js';
import { memo } from '../rules/packs/compliance/control.js';
import { transportOf } from '../rules/packs/compliance/transport.js';
import { ADEQUACY } from '../rules/packs/gdpr/adequacy.js';
import { isEeaCountry } from '../rules/packs/gdpr/geography.js';

export interface RopaTransfer {
  recipient: string;
  country: string;
  safeguard: string;
}

export interface RopaActivity {
  /** (b) the purpose. */
  purpose: string;
  lawfulBasis: string[];
  /** (c) categories of data subjects. */
  subjects: string[];
  /** (c) categories of personal data. */
  data: string[];
  /** (d) recipients: external parties and existing systems the data is disclosed to. */
  recipients: string[];
  /** (e) transfers to third countries and their safeguards. */
  transfers: RopaTransfer[];
  /** (f) envisaged time limits for erasure. */
  retention: string[];
  /** (g) general description of technical and organisational security measures. */
  security: string[];
  /** Components keeping the data. */
  stores: string[];
}

export interface Ropa {
  system: string;
  /** (a) controller, representative and DPO. */
  controller: { name?: string; contact?: string; representative?: string; dpo?: string };
  activities: RopaActivity[];
  /** What Art. 30(1) asks for that the design does not state. */
  gaps: string[];
  adequacyListAsOf: string;
}

const NOT_STATED = 'not stated';

export function generateRopa(design: Design): Ropa {
  const map = dataMap(design, memo());
  const gaps: string[] = [];
  const controller: Ropa['controller'] = design.system.controller ?? {};
  if (!design.system.controller) gaps.push('(a) controller: add `system.controller: { name, contact, dpo }`');
  else if (!controller.dpo) gaps.push('(a) data protection officer: add `system.controller.dpo` (or record why none is designated)');

  const groups = new Map<string, Entry[]>();
  const fallbackPurpose = design.system.purpose ?? design.system.name;
  for (const asset of design.data.filter(isPersonal)) {
    const purposes = asset.purposes?.length ? asset.purposes : [{ name: fallbackPurpose }];
    for (const p of purposes) {
      let group = groups.get(p.name);
      if (!group) groups.set(p.name, (group = []));
      group.push({
        asset,
        basis: p.lawfulBasis ?? asset.lawfulBasis,
        condition: 'specialCategoryCondition' in p && p.specialCategoryCondition ? p.specialCategoryCondition : asset.specialCategoryCondition,
      });
    }
  }
  const activities = [...groups].map(([purpose, entries]) => activity(design, map, purpose, entries, gaps));
  if (activities.length === 0) gaps.push('(c) no data asset is classified as personal data: nothing to record');
  return { system: design.system.name, controller, activities, gaps: [...new Set(gaps)], adequacyListAsOf: ADEQUACY.asOf };
}

/** One data asset as processed for one purpose. */
interface Entry {
  asset: DataAsset;
  basis?: string;
  condition?: string;
}

function activity(design: Design, map: DataMap, purpose: string, entries: Entry[], gaps: string[]): RopaActivity {
  const assets = entries.map((e) => e.asset);
  const ids = new Set(assets.map((a) => a.id));
  const users = new Map(design.users.map((u) => [u.id, u.name ?? u.id]));
  const subjects = unique(assets.flatMap((a) => a.subjects.map((s) => users.get(s) ?? s)));
  if (subjects.length === 0) gaps.push(`(c) data subjects of ${assets.map((a) => a.id).join(', ')}: add \`subjects:\``);
  for (const e of entries) if (!e.basis) gaps.push(`(b) lawful basis of ${e.asset.id} for "${purpose}": add \`lawfulBasis:\``);

  const handling = design.components.filter((c) => [...(map.handled.get(c.id) ?? [])].some((id) => ids.has(id)));
  const externals = handling.filter((c) => c.kind === 'external');
  const existing = unique(design.links.filter((l) => l.carries.some((id) => ids.has(id)))
    .flatMap((l) => [l.from, l.to]).filter((id) => design.byId.get(id)?.kind === 'existing'));
  const recipients = [...externals.map((c) => `${c.name ?? c.id} (${role(c)}${where(map, c)})`), ...existing.map((id) => `${id} (existing system)`)];

  const transfers: RopaTransfer[] = [];
  for (const c of handling) {
    const country = map.countryOf(c);
    if (country === undefined) {
      if (c.kind === 'external') gaps.push(`(e) location of ${c.id}: add \`region:\` or \`country:\``);
      continue;
    }
    if (!isEeaCountry(country)) transfers.push({ recipient: c.name ?? c.id, country, safeguard: safeguardOf(c, country) });
  }

  const stores = handling.filter((c) => [...(map.held.get(c.id) ?? [])].some((id) => ids.has(id)));
  const retention = assets.map((a) => {
    const copies = stores.filter((s) => map.held.get(s.id)!.has(a.id)).map((s) => `${s.id} ${s.retention ?? NOT_STATED}`);
    if (!a.retention) gaps.push(`(f) time limit for erasure of ${a.id}: add \`retention:\``);
    return `${a.id}: ${a.retention ?? NOT_STATED}${copies.length ? ` (${copies.join(', ')})` : ''}`;
  });

  return {
    purpose,
    lawfulBasis: entries.map((e) => `${e.asset.id}: ${e.basis ?? NOT_STATED}`),
    subjects,
    data: entries.map(({ asset: a, condition }) => `${a.name ?? a.id} (${a.classification.join(', ')}${isSpecialCategory(a) ? `; Art. 9 condition ${condition ?? NOT_STATED}` : ''})`),
    recipients,
    transfers,
    retention,
    security: securityMeasures(design, stores, ids),
    stores: stores.map((s) => s.id),
  };
}

function role(c: Component): string {
  if (c.processor === true) return `processor${c.agreements.includes('dpa') ? ' under a DPA' : ', no DPA stated'}`;
  if (c.processor === false) return 'independent controller';
  return 'role not stated';
}

function where(map: DataMap, c: Component): string {
  const country = map.countryOf(c);
  return country && country !== 'EU' ? `, ${country}` : '';
}

function safeguardOf(c: Component, country: string): string {
  const m = c.transferMechanism ?? (c.agreements.includes('scc') ? 'scc' : c.agreements.includes('bcr') ? 'bcr' : undefined);
  const names: Record<string, string> = {
    adequacy: 'adequacy decision (Art. 45)', dpf: 'EU-US Data Privacy Framework certification (Art. 45)',
    scc: 'standard contractual clauses (Art. 46(2)(c))', bcr: 'binding corporate rules (Art. 46(2)(b))',
    'code-of-conduct': 'code of conduct (Art. 46(2)(e))', certification: 'certification (Art. 46(2)(f))', derogation: 'derogation (Art. 49)',
  };
  if (m) return names[m];
  if (ADEQUACY.countries.has(country)) return names.adequacy;
  return 'none stated';
}

/** Counts of what the design states about the stores and links of this data, as sentences. */
function securityMeasures(design: Design, stores: Component[], ids: Set<string>): string[] {
  const out: string[] = [];
  const of = (n: number, total: number, what: string) => `${what}: ${n} of ${total}`;
  if (stores.length > 0) {
    out.push(of(stores.filter((s) => s.encryptedAtRest !== undefined && s.encryptedAtRest !== false).length, stores.length, 'stores encrypted at rest'));
    out.push(of(stores.filter((s) => s.backup).length, stores.length, 'stores backed up'));
    out.push(of(stores.filter((s) => s.audit?.logs).length, stores.length, 'stores with audit logging'));
  }
  const links = design.links.filter((l) => l.carries.some((id) => ids.has(id)));
  if (links.length > 0) {
    out.push(of(links.filter((l) => transportOf(l) === 'encrypted').length, links.length, 'links carrying the data encrypted in transit'));
    out.push(of(links.filter((l) => l.auth !== undefined && l.auth !== 'none').length, links.length, 'links carrying the data authenticated'));
  }
  return out;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
