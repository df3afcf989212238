/** Which compliance regimes the data implies, whatever the design declares. */
import type { Design } from '../model/design.js';
import type { Regime } from './types.js';

const EEA = new Set([
  'eu', 'eea', 'at', 'be', 'bg', 'hr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'gr', 'hu', 'ie', 'it', 'lv', 'lt', 'lu', 'mt',
  'nl', 'pl', 'pt', 'ro', 'sk', 'si', 'es', 'se', 'is', 'li', 'no',
]);

export function isEeaRegion(region: string): boolean {
  const r = region.toLowerCase();
  return EEA.has(r) || r.startsWith('eu-') || r.startsWith('europe-') || r.startsWith('eu') && r.length <= 6;
}

export function impliedRegimes(design: Design): Regime[] {
  const out = new Set<Regime>();
  const euUsers = new Set(design.users.filter((u) => u.regions?.some(isEeaRegion)).map((u) => u.id));
  for (const d of design.data) {
    const c = d.classification;
    if (c.includes('phi')) out.add('hipaa');
    if (c.includes('pan') || c.includes('sad')) out.add('pci');
    const personal = c.includes('personal') || c.includes('special') || c.includes('criminal') || c.includes('children');
    if (personal && (d.subjectRegions?.some(isEeaRegion) || d.subjects.some((s) => euUsers.has(s)))) out.add('gdpr');
  }
  return [...out];
}
