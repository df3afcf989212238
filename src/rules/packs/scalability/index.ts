import type { Rule } from '../../types.js';
import hotSharedResource from './hot-shared-resource.js';
import sharedDatabaseWriters from './shared-database-writers.js';
import singleInstanceOnPath from './single-instance-on-path.js';
import statefulCannotScaleOut from './stateful-cannot-scale-out.js';
import syncFanOut from './sync-fan-out.js';

export const scalabilityRules: Rule[] = [
  hotSharedResource,
  singleInstanceOnPath,
  syncFanOut,
  sharedDatabaseWriters,
  statefulCannotScaleOut,
];
