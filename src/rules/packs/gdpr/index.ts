import type { Rule } from '../../types.js';
import breachDetection from './breach-detection.js';
import dpia from './dpia.js';
import encryption from './encryption.js';
import lawfulBasis from './lawful-basis.js';
import privateByDefault from './private-by-default.js';
import processorAgreement from './processor-agreement.js';
import restore from './restore.js';
import specialCategoryCondition from './special-category-condition.js';
import storageLimitation from './storage-limitation.js';
import subjectRights from './subject-rights.js';
import thirdCountryTransfer from './third-country-transfer.js';

/** GDPR (Regulation (EU) 2016/679), in article order. */
export const gdprRules: Rule[] = [
  storageLimitation, lawfulBasis, specialCategoryCondition, subjectRights, privateByDefault,
  processorAgreement, encryption, restore, breachDetection, dpia, thirdCountryTransfer,
];
