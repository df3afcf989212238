/**
 * Data classification helpers shared by the rule packs: which classifications
 * are sensitive, which describe people, and one order of levels to compare
 * data against what a zone may hold.
 *
 * The design's classifications mix levels (public < internal < confidential <
 * restricted) with regulated categories. Each category maps to a level:
 *
 * | classification                                            | level        |
 * | --------------------------------------------------------- | ------------ |
 * | public                                                    | public       |
 * | internal                                                  | internal     |
 * | confidential, personal                                    | confidential |
 * | restricted, special, phi, pan, sad, credentials, secret,  | restricted   |
 * | criminal, children                                        |              |
 *
 * Ordinary personal data is confidential: it needs access control and
 * encryption but is routinely processed by many services. The categories that
 * law or standards single out for stronger protection — special categories
 * (GDPR Art. 9), criminal records (Art. 10), children's data (Art. 8), PHI
 * (HIPAA), cardholder and authentication data (PCI DSS), and the keys and
 * credentials that unlock everything else — are restricted.
 */
import type { ClassificationName } from '../model/schema.js';

export type Level = 'public' | 'internal' | 'confidential' | 'restricted';
export const LEVELS: readonly Level[] = ['public', 'internal', 'confidential', 'restricted'];

const LEVEL_OF: Record<ClassificationName, Level> = {
  public: 'public',
  internal: 'internal',
  confidential: 'confidential',
  personal: 'confidential',
  restricted: 'restricted',
  special: 'restricted',
  phi: 'restricted',
  pan: 'restricted',
  sad: 'restricted',
  credentials: 'restricted',
  secret: 'restricted',
  criminal: 'restricted',
  children: 'restricted',
};

/** Classifications that need protection beyond ordinary internal data. */
export const SENSITIVE_CLASSES: ReadonlySet<ClassificationName> = new Set<ClassificationName>([
  'personal', 'special', 'phi', 'pan', 'sad', 'credentials', 'secret', 'criminal', 'children', 'confidential', 'restricted',
]);

/** Classifications that describe identifiable people. */
export const PERSONAL_CLASSES: ReadonlySet<ClassificationName> = new Set<ClassificationName>([
  'personal', 'special', 'phi', 'criminal', 'children',
]);

/** Classifications that unlock other data or systems: keys, passwords, tokens. */
export const CREDENTIAL_CLASSES: ReadonlySet<ClassificationName> = new Set<ClassificationName>(['credentials', 'secret']);

interface Classified {
  classification: readonly ClassificationName[];
}

/** 0 (public) … 3 (restricted). */
export function rank(c: ClassificationName): number {
  return LEVELS.indexOf(LEVEL_OF[c]);
}

export function levelOf(c: ClassificationName): Level {
  return LEVEL_OF[c];
}

/** The highest level among an asset's classifications; undefined when it has none. */
export function assetRank(asset: Classified): number | undefined {
  let best: number | undefined;
  for (const c of asset.classification) {
    const r = rank(c);
    if (best === undefined || r > best) best = r;
  }
  return best;
}

export function isSensitive(asset: Classified): boolean {
  return asset.classification.some((c) => SENSITIVE_CLASSES.has(c));
}

export function isPersonal(asset: Classified): boolean {
  return asset.classification.some((c) => PERSONAL_CLASSES.has(c));
}

export function isCredential(asset: Classified): boolean {
  return asset.classification.some((c) => CREDENTIAL_CLASSES.has(c));
}

/** The sensitive classifications of an asset, for messages: "personal, phi". */
export function sensitiveLabel(asset: Classified): string {
  return asset.classification.filter((c) => SENSITIVE_CLASSES.has(c)).join(', ');
}
