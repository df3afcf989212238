import type { Rule } from '../../types.js';
import accessControl from './access-control.js';
import auditControls from './audit-controls.js';
import backupAndRecovery from './backup-and-recovery.js';
import businessAssociate from './business-associate.js';
import emergencyMode from './emergency-mode.js';
import encryptionAtRest from './encryption-at-rest.js';
import entityAuthentication from './entity-authentication.js';
import integrity from './integrity.js';
import transmissionSecurity from './transmission-security.js';
import uniqueUserIdentity from './unique-user-identity.js';

/** HIPAA Security Rule (45 CFR Part 164 Subpart C) and business associates, in section order. */
export const hipaaRules: Rule[] = [
  backupAndRecovery, emergencyMode, businessAssociate,
  accessControl, uniqueUserIdentity, encryptionAtRest, auditControls, integrity, entityAuthentication, transmissionSecurity,
];
