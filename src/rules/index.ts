/** Every rule archwright ships, in pack order. Each pack's index lists its rules. */
import type { Rule } from './types.js';
import { requirementsRules } from './packs/requirements/index.js';
import { protocolsRules } from './packs/protocols/index.js';
import { simplicityRules } from './packs/simplicity/index.js';
import { decisionsRules } from './packs/decisions/index.js';
import { securityRules } from './packs/security/index.js';
import { scalabilityRules } from './packs/scalability/index.js';
import { capacityRules } from './packs/capacity/index.js';
import { plugAndPlayRules } from './packs/plug-and-play/index.js';
import { complianceRules } from './packs/compliance/index.js';
import { gdprRules } from './packs/gdpr/index.js';
import { hipaaRules } from './packs/hipaa/index.js';
import { pciRules } from './packs/pci/index.js';
import { contractsRules } from './packs/contracts/index.js';

export const allRules: readonly Rule[] = [
  ...requirementsRules,
  ...protocolsRules,
  ...simplicityRules,
  ...decisionsRules,
  ...securityRules,
  ...scalabilityRules,
  ...capacityRules,
  ...plugAndPlayRules,
  ...complianceRules,
  ...gdprRules,
  ...hipaaRules,
  ...pciRules,
  ...contractsRules,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export { review, reachesThreshold } from './engine.js';
export type { Review, ReviewOptions, RuleSetting } from './engine.js';
export * from './types.js';
