import type { Rule } from '../../types.js';
import auditLogRetention from './audit-log-retention.js';
import auditLogs from './audit-logs.js';
import cdeScope from './cde-scope.js';
import cdeSegmentation from './cde-segmentation.js';
import mfaIntoCde from './mfa-into-cde.js';
import noSadAfterAuthorisation from './no-sad-after-authorisation.js';
import panTransmission from './pan-transmission.js';
import panUnreadable from './pan-unreadable.js';
import serviceProviders from './service-providers.js';

/** PCI DSS v4.0.1, in requirement order. */
export const pciRules: Rule[] = [
  cdeScope, cdeSegmentation, noSadAfterAuthorisation, panUnreadable, panTransmission,
  mfaIntoCde, auditLogs, auditLogRetention, serviceProviders,
];
