import type { Rule } from '../../types.js';
import unservedRequirement from './unserved-requirement.js';

export const requirementsRules: Rule[] = [unservedRequirement];
