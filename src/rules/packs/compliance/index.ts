import type { Rule } from '../../types.js';
import regimeNotDeclared from './regime-not-declared.js';

/** Rules about compliance as a whole; each regime's own rules are in its pack. */
export const complianceRules: Rule[] = [regimeNotDeclared];
