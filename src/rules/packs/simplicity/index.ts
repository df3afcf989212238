import type { Rule } from '../../types.js';
import deepSyncChain from './deep-sync-chain.js';
import passThroughService from './pass-through-service.js';
import syncCycle from './sync-cycle.js';
import unreachableComponent from './unreachable-component.js';

export const simplicityRules: Rule[] = [syncCycle, unreachableComponent, deepSyncChain, passThroughService];
