/**
 * Capacity planning, analytically: the public API.
 *
 *   analyseCapacity(design, { month, targetUtilisation }) → CapacityReport
 *
 * The queueing formulas below it are exported too, for the simulator's tests,
 * the viewer and anyone checking a number by hand. Everything here is pure.
 */
export { analyseCapacity } from './analyse.js';
export type { CapacityOptions, CapacityReport, ComponentReport, WorkloadReport, LatencyTargetReport, LatencyMetric } from './analyse.js';
export type { GrowthPlan, ComponentGrowth } from './growth.js';
export type { Latency, LatencyMethod, ClosedMethod, WorkloadSolution } from './solve.js';
export type { QueueModel } from './station.js';
export { buildModel, designTargetUtilisation, DEFAULT_TARGET_UTILISATION, type CapacityModel, type Station, type WorkloadModel } from './model.js';
export { parseWhatIf, applyWhatIf, WHAT_IF_KEYS, type WhatIfChange } from './what-if.js';
export { formatCapacityText, formatCapacityMarkdown, formatCapacityJson, type Paint } from './format.js';

export { erlangB, erlangC, offeredLoadForBlocking, serversForBlocking } from './erlang.js';
export { mm1, mmc, mmcResponsePercentile, mmcResponseSurvival, mmcWaitPercentile, mmcResponseMoments, type QueueMetrics } from './markovian.js';
export { mm1k, mmck, type FiniteQueueMetrics } from './finite.js';
export { mg1, md1, mgc, mgcResponseMoments, gim1, interarrival, type GIM1Metrics } from './general.js';
export { openNetwork, type OpenStation, type OpenNetworkResult, type OpenStationResult } from './network.js';
export { mva, multiClassMva, schweitzerMva, type ClosedStation, type MvaResult, type MultiClassResult } from './mva.js';
export { gammaFitQuantile, gammaP, gammaQuantile, logGamma, type Moments } from './distribution.js';

export * from './simulate/index.js';
