/** Which compliance regimes the data implies, whatever the design declares. */
import type { Design } from '../model/design.js';
import { isAccountData, isPersonal, isPhi } from './packs/compliance/classify.js';
import { isEeaRegion } from './packs/gdpr/geography.js';
import type { Regime } from './types.js';

export { isEeaRegion };

export interface ImpliedRegime {
  regime: Regime;
  /** The data asset that implies it. */
  data: string;
  /** Why, as the end of a sentence: "holds PHI". */
  because: string;
}

/**
 * PHI implies HIPAA; PAN or sensitive authentication data implies PCI DSS;
 * personal data implies GDPR when its subjects are in the EEA (Art. 3(2)) or the
 * system itself runs in the EEA (Art. 3(1), establishment). One entry per
 * regime, naming the first asset that implies it.
 */
export function impliedRegimeReasons(design: Design): ImpliedRegime[] {
  const out = new Map<Regime, ImpliedRegime>();
  const add = (regime: Regime, data: string, because: string) => {
    if (!out.has(regime)) out.set(regime, { regime, data, because });
  };
  const euUsers = new Set(design.users.filter((u) => u.regions?.some(isEeaRegion)).map((u) => u.id));
  const establishedInEea = design.system.region !== undefined && isEeaRegion(design.system.region);
  for (const d of design.data) {
    if (isPhi(d)) add('hipaa', d.id, 'is protected health information (phi)');
    if (isAccountData(d)) add('pci', d.id, `is payment account data (${d.classification.filter((c) => c === 'pan' || c === 'sad').join(', ')})`);
    if (!isPersonal(d)) continue;
    const euSubject = d.subjectRegions?.some(isEeaRegion) || d.subjects.some((s) => euUsers.has(s));
    if (euSubject) add('gdpr', d.id, 'is personal data of people in the EEA');
    else if (establishedInEea) add('gdpr', d.id, `is personal data processed in the EEA (system.region ${design.system.region})`);
  }
  return [...out.values()];
}

export function impliedRegimes(design: Design): Regime[] {
  return impliedRegimeReasons(design).map((r) => r.regime);
}
