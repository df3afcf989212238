import type { Rule } from '../../types.js';
import adapterProtocolMismatch from './adapter-protocol-mismatch.js';
import platformsWithoutAdapter from './platforms-without-adapter.js';

export const plugAndPlayRules: Rule[] = [platformsWithoutAdapter, adapterProtocolMismatch];
