import { describe, expect, it } from 'vitest';
import accessControl from '../../src/rules/packs/hipaa/access-control.js';
import auditControls from '../../src/rules/packs/hipaa/audit-controls.js';
import backupAndRecovery from '../../src/rules/packs/hipaa/backup-and-recovery.js';
import businessAssociate from '../../src/rules/packs/hipaa/business-associate.js';
import emergencyMode from '../../src/rules/packs/hipaa/emergency-mode.js';
import encryptionAtRest from '../../src/rules/packs/hipaa/encryption-at-rest.js';
import entityAuthentication from '../../src/rules/packs/hipaa/entity-authentication.js';
import { hipaaRules } from '../../src/rules/packs/hipaa/index.js';
import integrity from '../../src/rules/packs/hipaa/integrity.js';
import transmissionSecurity from '../../src/rules/packs/hipaa/transmission-security.js';
import uniqueUserIdentity from '../../src/rules/packs/hipaa/unique-user-identity.js';
import { findingsOf, type Doc, variantOf, componentIn, idsOf, linkIn } from '../helpers.js';


/** A clinic's records service that meets every HIPAA control the pack checks. */
function sound(): Doc {
  return {
    system: { name: 'Clinic', compliance: ['hipaa'], contingency: { emergencyMode: 'Read-only from the replica; audit stays on.' } },
    users: [{ id: 'clinician', kind: 'operator', uses: ['portal'] }],
    data: [{ id: 'record', classification: ['phi'], subjects: ['patient'] }],
    components: [
      { id: 'portal', kind: 'frontend', uses: ['record'], exposes: [{ protocol: 'https', public: true, auth: 'oidc', mfa: true }], audit: { logs: true } },
      { id: 'api', kind: 'service', uses: ['record'], exposes: [{ protocol: 'grpc', auth: 'mtls' }] },
      {
        id: 'db', kind: 'datastore', stores: ['record'], encryptedAtRest: true, integrity: ['versioning', 'checksums'],
        backup: { rpo: '1h', rto: '4h', encrypted: true }, audit: { logs: true },
      },
      { id: 'lab', kind: 'external', agreements: ['baa'] },
    ],
    links: [
      { from: 'portal', to: 'api', protocol: 'grpc', tls: 'mtls', auth: 'oidc', carries: ['record'] },
      { from: 'api', to: 'db', protocol: 'sql', tls: 'tls', auth: 'mtls', carries: ['record'] },
      { from: 'api', to: 'lab', protocol: 'https', auth: 'oauth2', carries: ['record'] },
    ],
  };
}

const variant = (change: (d: Doc) => void): Doc => variantOf(sound, change);


describe('hipaa pack', () => {
  it('stays quiet on a sound design', () => {
    expect(findingsOf(hipaaRules, sound())).toEqual([]);
  });

  it('applies where PHI is present even if HIPAA is not declared', () => {
    expect(idsOf(businessAssociate, variant((x) => {
      x.system.compliance = [];
      componentIn(x, 'lab').agreements = [];
    }))).toEqual(['hipaa/business-associate@lab']);
  });
});

describe('hipaa/access-control', () => {
  it('reports an interface in front of ePHI anyone can call, and one with no stated auth', () => {
    expect(idsOf(accessControl, variant((x) => { componentIn(x, 'api').exposes[0].auth = 'none'; }))).toEqual(['hipaa/access-control@api#exposes-0']);
    expect(idsOf(accessControl, variant((x) => delete componentIn(x, 'api').exposes[0].auth))).toEqual(['hipaa/access-control@api#missing-exposes.0.auth']);
  });
});

describe('hipaa/unique-user-identity', () => {
  it('reports people reaching ePHI with a shared API key', () => {
    const findings = findingsOf(uniqueUserIdentity, variant((x) => { componentIn(x, 'portal').exposes[0].auth = 'apikey'; }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/unique-user-identity@portal#exposes-0']);
    expect(findings[0].message).toContain('clinician');
  });

  it('leaves components nobody uses directly to the entity checks', () => {
    expect(findingsOf(uniqueUserIdentity, variant((x) => { componentIn(x, 'api').exposes[0].auth = 'apikey'; }))).toEqual([]);
  });
});

describe('hipaa/audit-controls', () => {
  it('reports once when nothing records activity', () => {
    const findings = findingsOf(auditControls, variant((x) => {
      delete componentIn(x, 'portal').audit;
      delete componentIn(x, 'db').audit;
    }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/audit-controls@system#missing-audit']);
    expect(findings[0].severity).toBe('error');
  });

  it('reports the store of ePHI that records nothing', () => {
    expect(idsOf(auditControls, variant((x) => delete componentIn(x, 'db').audit))).toEqual(['hipaa/audit-controls@db#missing-audit.logs']);
    expect(idsOf(auditControls, variant((x) => { componentIn(x, 'db').audit.logs = false; }))).toEqual(['hipaa/audit-controls@db']);
  });
});

describe('hipaa/integrity', () => {
  it('reports a store of ePHI with no integrity protection', () => {
    expect(idsOf(integrity, variant((x) => delete componentIn(x, 'db').integrity))).toEqual(['hipaa/integrity@db#missing-integrity']);
    expect(idsOf(integrity, variant((x) => { componentIn(x, 'db').integrity = []; }))).toEqual(['hipaa/integrity@db']);
  });
});

describe('hipaa/entity-authentication', () => {
  it('reports a link into ePHI that does not authenticate the caller', () => {
    expect(idsOf(entityAuthentication, variant((x) => { linkIn(x, 'api', 'db').auth = 'none'; }))).toEqual(['hipaa/entity-authentication@api->db']);
    expect(idsOf(entityAuthentication, variant((x) => delete linkIn(x, 'api', 'db').auth))).toEqual(['hipaa/entity-authentication@api->db#missing-auth']);
  });

  it('covers links into a store of ePHI that do not say what they carry', () => {
    const d = variant((x) => x.links.push({ from: 'portal', to: 'db', protocol: 'sql', tls: 'tls', auth: 'none' }));
    expect(idsOf(entityAuthentication, d)).toEqual(['hipaa/entity-authentication@portal->db']);
  });
});

describe('hipaa/transmission-security', () => {
  it('reports ePHI over a plaintext link, internal ones included', () => {
    expect(idsOf(transmissionSecurity, variant((x) => { linkIn(x, 'api', 'db').tls = 'none'; }))).toEqual(['hipaa/transmission-security@api->db']);
    const http = variant((x) => {
      delete linkIn(x, 'api', 'lab').tls;
      linkIn(x, 'api', 'lab').protocol = 'http';
    });
    expect(idsOf(transmissionSecurity, http)).toEqual(['hipaa/transmission-security@api->lab']);
  });

  it('reports an unstated encryption as a gap', () => {
    expect(idsOf(transmissionSecurity, variant((x) => delete linkIn(x, 'api', 'db').tls))).toEqual(['hipaa/transmission-security@api->db#missing-tls']);
  });
});

describe('hipaa/encryption-at-rest', () => {
  it('reports ePHI stored or backed up unencrypted', () => {
    const d = variant((x) => {
      componentIn(x, 'db').encryptedAtRest = false;
      componentIn(x, 'db').backup.encrypted = false;
    });
    expect(idsOf(encryptionAtRest, d)).toEqual(['hipaa/encryption-at-rest@db#at-rest', 'hipaa/encryption-at-rest@db#backup']);
  });
});

describe('hipaa/backup-and-recovery', () => {
  it('reports a store of ePHI with no backup, or no time to restore', () => {
    const none = findingsOf(backupAndRecovery, variant((x) => delete componentIn(x, 'db').backup));
    expect(none.map((f) => [f.id, f.severity])).toEqual([['hipaa/backup-and-recovery@db#missing-backup', 'error']]);
    expect(idsOf(backupAndRecovery, variant((x) => delete componentIn(x, 'db').backup.rto))).toEqual(['hipaa/backup-and-recovery@db#missing-backup.rto']);
  });
});

describe('hipaa/emergency-mode', () => {
  it('asks for an emergency mode operation plan', () => {
    expect(idsOf(emergencyMode, variant((x) => delete x.system.contingency))).toEqual(['hipaa/emergency-mode@system#missing-contingency.emergencyMode']);
  });
});

describe('hipaa/business-associate', () => {
  it('reports an external party receiving ePHI with no BAA', () => {
    const findings = findingsOf(businessAssociate, variant((x) => { componentIn(x, 'lab').agreements = ['dpa']; }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/business-associate@lab']);
    expect(findings[0].evidence).toMatchObject({ data: 'record', agreements: 'dpa' });
  });

  it('leaves external parties that receive no ePHI alone', () => {
    const d = variant((x) => {
      componentIn(x, 'lab').agreements = [];
      linkIn(x, 'api', 'lab').carries = [];
    });
    expect(findingsOf(businessAssociate, d)).toEqual([]);
  });
});
