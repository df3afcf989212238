/** Every rule archwright ships, in pack order. Each pack's index lists its rules. */
import type { Rule } from './types.js';
import { requirementsRules } from './packs/requirements/index.js';

export const allRules: readonly Rule[] = [
  ...requirementsRules,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export { review, reachesThreshold } from './engine.js';
export type { Review, ReviewOptions, RuleSetting } from './engine.js';
export * from './types.js';
