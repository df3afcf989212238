import type { Rule } from '../../types.js';
import missingReference from './missing-reference.js';
import supersededWithoutSuccessor from './superseded-without-successor.js';

export const decisionsRules: Rule[] = [missingReference, supersededWithoutSuccessor];
