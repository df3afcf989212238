import type { Rule } from '../../types.js';
import hotComponentNotIsolated from './hot-component-not-isolated.js';
import latencyTargetMissed from './latency-target-missed.js';
import overBudget from './over-budget.js';
import saturatesWithinHorizon from './saturates-within-horizon.js';

export const capacityRules: Rule[] = [saturatesWithinHorizon, latencyTargetMissed, overBudget, hotComponentNotIsolated];
