import type { Rule } from '../../types.js';
import componentWithoutRequirement from './component-without-requirement.js';
import noConstraints from './no-constraints.js';
import outOfScopeServed from './out-of-scope-served.js';
import unmeasurableQuality from './unmeasurable-quality.js';
import unservedRequirement from './unserved-requirement.js';
import userWithoutEntryPoint from './user-without-entry-point.js';

export const requirementsRules: Rule[] = [
  unservedRequirement,
  componentWithoutRequirement,
  unmeasurableQuality,
  userWithoutEntryPoint,
  outOfScopeServed,
  noConstraints,
];
