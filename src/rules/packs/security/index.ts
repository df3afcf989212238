import type { Rule } from '../../types.js';
import classificationAboveZone from './classification-above-zone.js';
import credentialsOutsideSecretsStore from './credentials-outside-secrets-store.js';
import datastoreAcrossTrustBoundary from './datastore-across-trust-boundary.js';
import missingIdentityPropagation from './missing-identity-propagation.js';
import plaintextSensitiveLink from './plaintext-sensitive-link.js';
import publicAdminInterface from './public-admin-interface.js';
import publicEntryUnprotected from './public-entry-unprotected.js';
import secretsBesideData from './secrets-beside-data.js';
import unauthenticatedSensitiveAccess from './unauthenticated-sensitive-access.js';
import unencryptedSensitiveStore from './unencrypted-sensitive-store.js';
import unnecessaryDataTransfer from './unnecessary-data-transfer.js';
import untrustedDirectAccess from './untrusted-direct-access.js';

export const securityRules: Rule[] = [
  plaintextSensitiveLink,
  unauthenticatedSensitiveAccess,
  untrustedDirectAccess,
  datastoreAcrossTrustBoundary,
  unencryptedSensitiveStore,
  credentialsOutsideSecretsStore,
  publicEntryUnprotected,
  publicAdminInterface,
  missingIdentityPropagation,
  secretsBesideData,
  unnecessaryDataTransfer,
  classificationAboveZone,
];
