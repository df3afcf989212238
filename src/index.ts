/** The public library API: `import { loadDesign, check } from 'archwright'`. */
import type { Design } from './model/design.js';
import { allRules } from './rules/index.js';
import { review, type Review, type ReviewOptions } from './rules/engine.js';

export { loadDesign, type DesignHost, type LoadResult, type LoadOptions } from './model/load.js';
export type * from './model/design.js';
export { DesignSchema, designJsonSchema } from './model/schema.js';
export type { DesignError, SourceLocation } from './model/errors.js';
export { formatDesignError } from './model/errors.js';
export { allRules, findRule, review, reachesThreshold } from './rules/index.js';
export type { Finding, Rule, RuleMeta, Severity, Review, ReviewOptions } from './rules/index.js';
export { formatters } from './formats/index.js';
export { nodeHost } from './io/node-host.js';
export { diffDesigns, diffFormatters, trippedGates, summariseDiff, GATES } from './history/index.js';
export type { DesignDiff, DiffOptions, Gate, DiffSummary } from './history/index.js';
export { complianceMatrix } from './compliance/matrix.js';
export type { ComplianceMatrix, ControlRow, MatrixCell, CellStatus } from './compliance/matrix.js';
export { matrixMarkdown, matrixJson } from './compliance/matrix-format.js';
export { generateRopa } from './compliance/ropa.js';
export type { Ropa, RopaActivity } from './compliance/ropa.js';
export { ropaMarkdown, ropaCsv } from './compliance/ropa-format.js';
export { impliedRegimes, impliedRegimeReasons } from './rules/regimes.js';
export { analyseCapacity, applyWhatIf, parseWhatIf } from './capacity/index.js';
export type { CapacityOptions, CapacityReport, ComponentReport, WorkloadReport, LatencyTargetReport, GrowthPlan } from './capacity/index.js';
export { compareContracts, loadContract, breakingForConsumers, analyseContractChange, formatContractChanges } from './contracts/index.js';
export type { ContractComparison, ContractChange, ContractSource, ContractError, ConsumerBreak } from './contracts/index.js';

/** Runs every shipped rule over a loaded design. */
export function check(design: Design, options: ReviewOptions = {}): Review {
  return review(design, allRules, options);
}
