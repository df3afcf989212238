/**
 * What the compliance packs need to know about a data asset's classification.
 * Small on purpose: each regime asks one question of the classification list.
 */
import type { DataAsset } from '../../../model/design.js';
import { PERSONAL_CLASSES } from '../../sensitivity.js';

/** GDPR Art. 9(1) special categories; health data (PHI) is one of them. */
const SPECIAL = new Set(['special', 'phi']);

/** Personal data under GDPR Art. 4(1): about an identified or identifiable person (the security pack's PERSONAL_CLASSES). */
export function isPersonal(asset: DataAsset): boolean {
  return asset.classification.some((c) => PERSONAL_CLASSES.has(c));
}

export function isSpecialCategory(asset: DataAsset): boolean {
  return asset.classification.some((c) => SPECIAL.has(c));
}

export function isPhi(asset: DataAsset): boolean {
  return asset.classification.includes('phi');
}

/** PCI DSS account data: cardholder data (PAN) or sensitive authentication data. */
export function isAccountData(asset: DataAsset): boolean {
  return asset.classification.includes('pan') || asset.classification.includes('sad');
}

export function isPan(asset: DataAsset): boolean {
  return asset.classification.includes('pan');
}

export function isSad(asset: DataAsset): boolean {
  return asset.classification.includes('sad');
}
