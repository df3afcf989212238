/** Design history: compare two versions of a design (pure: the caller loads both). */
export { diffDesigns, diffSnapshots, type DiffOptions } from './diff.js';
export { snapshotDesign, type DesignSnapshot, type SnapshotOptions, type ContractRef } from './snapshot.js';
export { diffElements, compareValues } from './elements.js';
export { findScopeCreep } from './scope-creep.js';
export { diffFindings } from './risk-delta.js';
export { diffContracts, type ContractAnalyser, type ContractComparison, type ContractConsumer } from './contract-delta.js';
export { GATES, trippedGates, type Gate } from './gates.js';
export { summariseDiff, isEmptyDiff, type DiffSummary } from './summary.js';
export { diffFormatters, DIFF_FORMAT_NAMES, type DiffFormatInput, type DiffFormatter } from './format/index.js';
export type * from './types.js';
