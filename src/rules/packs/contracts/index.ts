import type { Rule } from '../../types.js';
import operationNotOffered from './operation-not-offered.js';
import protocolMismatch from './protocol-mismatch.js';
import unparseableContract from './unparseable-contract.js';
import usesWithoutContract from './uses-without-contract.js';

export const contractsRules: Rule[] = [unparseableContract, operationNotOffered, protocolMismatch, usesWithoutContract];
