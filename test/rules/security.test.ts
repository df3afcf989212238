import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/model/load.js';
import { nodeHost, toDesignPath } from '../../src/io/node-host.js';
import { review } from '../../src/rules/engine.js';
import { securityRules } from '../../src/rules/packs/security/index.js';
import classificationAboveZone from '../../src/rules/packs/security/classification-above-zone.js';
import credentialsOutsideSecretsStore from '../../src/rules/packs/security/credentials-outside-secrets-store.js';
import datastoreAcrossTrustBoundary from '../../src/rules/packs/security/datastore-across-trust-boundary.js';
import missingIdentityPropagation from '../../src/rules/packs/security/missing-identity-propagation.js';
import plaintextSensitiveLink from '../../src/rules/packs/security/plaintext-sensitive-link.js';
import publicAdminInterface from '../../src/rules/packs/security/public-admin-interface.js';
import publicEntryUnprotected from '../../src/rules/packs/security/public-entry-unprotected.js';
import secretsBesideData from '../../src/rules/packs/security/secrets-beside-data.js';
import unauthenticatedSensitiveAccess from '../../src/rules/packs/security/unauthenticated-sensitive-access.js';
import unencryptedSensitiveStore from '../../src/rules/packs/security/unencrypted-sensitive-store.js';
import unnecessaryDataTransfer from '../../src/rules/packs/security/unnecessary-data-transfer.js';
import untrustedDirectAccess from '../../src/rules/packs/security/untrusted-direct-access.js';
import { assetRank, isPersonal, isSensitive, LEVELS } from '../../src/rules/sensitivity.js';
import { findingsOf } from '../helpers.js';

type Doc = Record<string, unknown> & {
  zones: Record<string, unknown>[];
  data: Record<string, unknown>[];
  components: Record<string, unknown>[];
  links: Record<string, unknown>[];
  users: Record<string, unknown>[];
};

/** A small design with every control in place: the rules must stay quiet on it. */
function sound(): Doc {
  return {
    zones: [
      { id: 'internet', trust: 'none' },
      { id: 'edge', trust: 'low' },
      { id: 'app', trust: 'internal', maxClassification: 'restricted' },
      { id: 'data', trust: 'restricted', maxClassification: 'restricted' },
      { id: 'keys', trust: 'restricted' },
    ],
    data: [
      { id: 'profile', classification: ['personal'], subjects: ['customer'] },
      { id: 'record', classification: ['phi'], subjects: ['customer'] },
      { id: 'token', classification: ['credentials'] },
    ],
    users: [
      { id: 'customer', kind: 'end-user', uses: ['web'] },
      { id: 'ops', kind: 'operator', uses: ['console'] },
    ],
    components: [
      { id: 'web', kind: 'frontend', zone: 'internet', exposes: [{ protocol: 'https', public: true }] },
      { id: 'gateway', kind: 'gateway', zone: 'edge', exposes: [{ protocol: 'https', public: true, auth: 'oidc', rateLimit: '500/s', waf: true }] },
      { id: 'api', kind: 'service', zone: 'app', uses: ['profile', 'record'], exposes: [{ protocol: 'grpc', auth: 'mtls' }], secretsFrom: 'vault' },
      { id: 'records', kind: 'service', zone: 'app', uses: ['record'], exposes: [{ protocol: 'grpc', auth: 'mtls' }] },
      { id: 'db', kind: 'datastore', zone: 'data', stores: ['profile', 'record'], encryptedAtRest: true },
      { id: 'vault', kind: 'secrets', zone: 'keys', stores: ['token'] },
      { id: 'console', kind: 'frontend', zone: 'app', uses: ['profile'], exposes: [{ protocol: 'https', auth: 'oidc', mfa: true, admin: true }] },
    ],
    links: [
      { from: 'web', to: 'gateway', protocol: 'https', auth: 'oidc', carries: ['profile'] },
      { from: 'gateway', to: 'api', protocol: 'grpc', tls: 'mtls', auth: 'mtls', identity: 'end-user', carries: ['profile', 'record'] },
      { from: 'api', to: 'records', protocol: 'grpc', tls: 'mtls', auth: 'mtls', identity: 'end-user', carries: ['record'] },
      { from: 'api', to: 'db', protocol: 'sql', tls: 'tls', auth: 'iam', carries: ['profile', 'record'] },
      { from: 'api', to: 'vault', protocol: 'https', auth: 'iam' },
      { from: 'console', to: 'api', protocol: 'grpc', tls: 'mtls', auth: 'mtls', identity: 'end-user', carries: ['profile'] },
    ],
  };
}

function withDesign(change: (d: Doc) => void): Doc {
  const d = sound();
  change(d);
  return d;
}

const byId = (list: Record<string, unknown>[], id: string): Record<string, unknown> => list.find((x) => x.id === id)!;
const link = (d: Doc, from: string, to: string) => d.links.find((l) => l.from === from && l.to === to)!;
const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('sensitivity', () => {
  it('orders classifications and maps regulated categories to restricted', () => {
    expect(LEVELS).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(assetRank({ classification: ['internal'] })).toBe(1);
    expect(assetRank({ classification: ['personal'] })).toBe(2);
    expect(assetRank({ classification: ['internal', 'phi'] })).toBe(3);
    expect(assetRank({ classification: [] })).toBeUndefined();
    expect(isSensitive({ classification: ['internal'] })).toBe(false);
    expect(isSensitive({ classification: ['pan'] })).toBe(true);
    expect(isPersonal({ classification: ['credentials'] })).toBe(false);
    expect(isPersonal({ classification: ['children'] })).toBe(true);
  });
});

describe('security pack on a sound design', () => {
  it('reports nothing', () => {
    expect(findingsOf(securityRules, sound())).toEqual([]);
  });
});

describe('security/plaintext-sensitive-link', () => {
  it('reports sensitive data over plain http, with an error for PHI', () => {
    const findings = findingsOf(plaintextSensitiveLink, withDesign((d) => {
      Object.assign(link(d, 'api', 'records'), { protocol: 'http', tls: undefined });
    }));
    expect(ids(findings)).toEqual(['security/plaintext-sensitive-link@api->records']);
    expect(findings[0]).toMatchObject({ severity: 'error', evidence: { tls: 'not stated', protocol: 'http' } });
  });

  it('reports tls: none, as a warning for confidential data inside one zone', () => {
    const findings = findingsOf(plaintextSensitiveLink, withDesign((d) => {
      Object.assign(link(d, 'api', 'records'), { tls: 'none', carries: ['profile'] });
      byId(d.components, 'records').uses = ['profile'];
    }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['security/plaintext-sensitive-link@api->records', 'warning']]);
  });

  it('accepts protocols that are encrypted by definition and links without sensitive data', () => {
    const findings = findingsOf(plaintextSensitiveLink, withDesign((d) => {
      d.links.push({ from: 'api', to: 'records', id: 'health', protocol: 'http', carries: [] });
    }));
    expect(findings).toEqual([]);
  });
});

describe('security/unauthenticated-sensitive-access', () => {
  it('reports a link without authentication into a store of sensitive data, and an unstated auth as a gap', () => {
    const findings = findingsOf(unauthenticatedSensitiveAccess, withDesign((d) => {
      link(d, 'api', 'db').auth = 'none';
      d.components.push({ id: 'reporter', kind: 'job', zone: 'app', uses: ['profile'] });
      d.links.push({ from: 'reporter', to: 'db', protocol: 'sql', tls: 'tls', carries: ['profile'] });
    }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['security/unauthenticated-sensitive-access@api->db', 'error'],
      ['security/unauthenticated-sensitive-access@reporter->db', 'warning'],
    ]);
  });

  it('takes the auth from the callee\'s interface when the link does not state one', () => {
    const findings = findingsOf(unauthenticatedSensitiveAccess, withDesign((d) => {
      delete link(d, 'api', 'db').auth;
      byId(d.components, 'db').exposes = [{ protocol: 'sql', auth: 'iam' }];
    }));
    expect(findings).toEqual([]);
  });
});

describe('security/untrusted-direct-access', () => {
  it('reports a call from the edge straight into the application zone', () => {
    const findings = findingsOf(untrustedDirectAccess, withDesign((d) => {
      d.components.push({ id: 'portal', kind: 'frontend', zone: 'edge' });
      d.links.push({ from: 'portal', to: 'records', protocol: 'grpc', tls: 'mtls', auth: 'mtls' });
    }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['security/untrusted-direct-access@portal->records', 'warning']]);
  });

  it('reports a public interface on an internal service, and a component without a zone once', () => {
    const findings = findingsOf(untrustedDirectAccess, withDesign((d) => {
      byId(d.components, 'records').exposes = [{ protocol: 'https', public: true, auth: 'oidc' }];
      d.components.push({ id: 'stray', kind: 'service' });
    }));
    expect(ids(findings).sort()).toEqual(['security/untrusted-direct-access@records#exposes-0', 'security/untrusted-direct-access@stray#zone']);
  });

  it('accepts crossings made by a gateway', () => {
    expect(findingsOf(untrustedDirectAccess, sound())).toEqual([]);
  });
});

describe('security/datastore-across-trust-boundary', () => {
  it('reports a datastore reached from the edge, skipping the application tier', () => {
    const findings = findingsOf(datastoreAcrossTrustBoundary, withDesign((d) => {
      byId(d.components, 'console').zone = 'edge';
      d.links.push({ from: 'console', to: 'db', protocol: 'sql', tls: 'tls', auth: 'iam', carries: ['profile'] });
    }));
    expect(ids(findings)).toEqual(['security/datastore-across-trust-boundary@console->db']);
  });

  it('accepts the tier right below the data zone', () => {
    expect(findingsOf(datastoreAcrossTrustBoundary, sound())).toEqual([]);
  });
});

describe('security/unencrypted-sensitive-store', () => {
  it('reports encryptedAtRest: false as an error and an unstated one as a gap', () => {
    const findings = findingsOf(unencryptedSensitiveStore, withDesign((d) => {
      byId(d.components, 'db').encryptedAtRest = false;
      d.components.push({ id: 'cache', kind: 'cache', zone: 'data', stores: ['profile'] });
    }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['security/unencrypted-sensitive-store@db', 'error'],
      ['security/unencrypted-sensitive-store@cache#encryptedAtRest', 'warning'],
    ]);
    expect(findings[1].message).toContain('not stated: add `encryptedAtRest`');
  });

  it('accepts encrypted stores', () => {
    expect(findingsOf(unencryptedSensitiveStore, sound())).toEqual([]);
  });
});

describe('security/credentials-outside-secrets-store', () => {
  it('reports credentials kept in an ordinary datastore', () => {
    const findings = findingsOf(credentialsOutsideSecretsStore, withDesign((d) => {
      byId(d.components, 'db').stores = ['profile', 'token'];
    }));
    expect(ids(findings)).toEqual(['security/credentials-outside-secrets-store@db']);
  });

  it('accepts one-way hashed credentials and credentials in the secrets store', () => {
    const findings = findingsOf(credentialsOutsideSecretsStore, withDesign((d) => {
      d.components.push({ id: 'logins', kind: 'datastore', zone: 'data', stores: ['token'], encryptedAtRest: 'hashed' });
    }));
    expect(findings).toEqual([]);
  });
});

describe('security/public-entry-unprotected', () => {
  it('reports a public service with neither rate limit nor WAF', () => {
    const findings = findingsOf(publicEntryUnprotected, withDesign((d) => {
      delete byId(d.components, 'gateway').exposes;
      byId(d.components, 'gateway').exposes = [{ protocol: 'https', public: true, auth: 'oidc' }];
    }));
    expect(ids(findings)).toEqual(['security/public-entry-unprotected@gateway']);
  });

  it('accepts a client frontend that only calls the protected gateway', () => {
    expect(findingsOf(publicEntryUnprotected, sound())).toEqual([]);
  });
});

describe('security/public-admin-interface', () => {
  it('reports a public admin interface without MFA as an error, with MFA as a warning', () => {
    const noMfa = findingsOf(publicAdminInterface, withDesign((d) => {
      byId(d.components, 'console').exposes = [{ protocol: 'https', public: true, auth: 'password', admin: true }];
    }));
    expect(noMfa.map((f) => [f.id, f.severity])).toEqual([['security/public-admin-interface@console', 'error']]);
    const withMfa = findingsOf(publicAdminInterface, withDesign((d) => {
      byId(d.components, 'console').exposes = [{ protocol: 'https', public: true, auth: 'oidc', mfa: true }];
    }));
    expect(withMfa.map((f) => [f.id, f.severity])).toEqual([['security/public-admin-interface@console', 'warning']]);
    expect(withMfa[0].message).toContain('used by ops');
  });

  it('accepts a private admin interface', () => {
    expect(findingsOf(publicAdminInterface, sound())).toEqual([]);
  });
});

describe('security/missing-identity-propagation', () => {
  it('reports a service identity on a link carrying personal data, and an unstated identity as a gap', () => {
    const findings = findingsOf(missingIdentityPropagation, withDesign((d) => {
      link(d, 'api', 'records').identity = 'service';
      delete link(d, 'console', 'api').identity;
    }));
    expect(ids(findings)).toEqual(['security/missing-identity-propagation@api->records', 'security/missing-identity-propagation@console->api']);
    expect(findings[1].message).toContain('not stated: add `identity`');
  });

  it('reports one design-wide gap when no link states identity', () => {
    const findings = findingsOf(missingIdentityPropagation, withDesign((d) => {
      for (const l of d.links) delete l.identity;
    }));
    expect(ids(findings)).toEqual(['security/missing-identity-propagation@system#identity']);
    expect(findings[0].evidence).toMatchObject({ links: 3 });
  });

  it('accepts end-user identity and links to stores', () => {
    expect(findingsOf(missingIdentityPropagation, sound())).toEqual([]);
  });
});

describe('security/secrets-beside-data', () => {
  it('reports a secrets store in the zone of the datastore its consumer reaches', () => {
    const findings = findingsOf(secretsBesideData, withDesign((d) => {
      byId(d.components, 'vault').zone = 'data';
    }));
    expect(ids(findings)).toEqual(['security/secrets-beside-data@vault#db']);
    expect(findings[0].evidence).toMatchObject({ consumer: 'api', zone: 'data' });
  });

  it('accepts a secrets store in its own zone', () => {
    expect(findingsOf(secretsBesideData, sound())).toEqual([]);
  });
});

describe('security/unnecessary-data-transfer', () => {
  it('reports data the receiver neither stores, uses nor passes on', () => {
    const findings = findingsOf(unnecessaryDataTransfer, withDesign((d) => {
      link(d, 'api', 'records').carries = ['record', 'profile'];
    }));
    expect(ids(findings)).toEqual(['security/unnecessary-data-transfer@api->records#profile']);
  });

  it('reports a receiver that declares no data once, as a gap', () => {
    const findings = findingsOf(unnecessaryDataTransfer, withDesign((d) => {
      byId(d.components, 'records').uses = [];
      d.links.push({ id: 'second', from: 'api', to: 'records', protocol: 'grpc', carries: ['profile'] });
    }));
    expect(ids(findings)).toEqual(['security/unnecessary-data-transfer@records#uses']);
  });

  it('accepts data forwarded onward, used or stored', () => {
    expect(findingsOf(unnecessaryDataTransfer, sound())).toEqual([]);
  });
});

describe('security/classification-above-zone', () => {
  it('reports restricted data handled in a zone cleared for confidential', () => {
    const findings = findingsOf(classificationAboveZone, withDesign((d) => {
      byId(d.zones, 'app').maxClassification = 'personal';
    }));
    expect(ids(findings)).toEqual(['security/classification-above-zone@api', 'security/classification-above-zone@records']);
    expect(findings[0].evidence).toMatchObject({ data: 'record', level: 'restricted', zoneMax: 'personal' });
  });

  it('accepts data within the zone\'s limit', () => {
    expect(findingsOf(classificationAboveZone, sound())).toEqual([]);
  });
});

describe('security pack on the bundled example', () => {
  it('finds the example\'s deliberate weaknesses', () => {
    const loaded = loadDesign(toDesignPath('examples/bot-platform/archwright.yaml'), nodeHost);
    const found = review(loaded.design!, securityRules).findings;
    const open = new Map(found.map((f) => [f.id, f.severity]));
    expect(open.get('security/plaintext-sensitive-link@bot-engine->recommendation-engine')).toBe('error');
    expect(open.get('security/plaintext-sensitive-link@recommendation-engine->transcript-store')).toBe('error');
    expect(open.get('security/public-admin-interface@admin-console')).toBe('error');
    expect(open.get('security/datastore-across-trust-boundary@admin-console->transcript-store')).toBe('error');
    // The gateway is the sanctioned crossing from the edge, not a violation of it.
    expect([...open.keys()].filter((id) => id.includes('@gateway->'))).toEqual([]);
  });
});
