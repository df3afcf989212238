/** Contracts: load OpenAPI 3.0/3.1, protobuf and AsyncAPI 2/3, compare versions, and find the consumers a change breaks. */
export { compareContracts, compareLoaded, isBreaking, type ContractComparison } from './compare.js';
export { detectKind, loadContract, type AnyContract, type LoadedContract } from './load.js';
export { findOperation, protocolFamily, contractFamilies } from './operations.js';
export { breakingForConsumers, analyseContractChange, type ConsumerBreak } from './consumers.js';
export { formatContractChanges, CONTRACT_FORMATS } from './report.js';
export type { Contract, ContractChange, ContractError, ContractKind, ContractOperation, ContractSource, ChangeSeverity, Direction } from './types.js';
