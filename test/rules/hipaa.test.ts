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
import type { Rule } from '../../src/rules/types.js';
import { findingsOf } from '../helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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

function variant(change: (d: Doc) => void): Doc {
  const d = sound();
  change(d);
  return d;
}

const component = (d: Doc, id: string) => d.components.find((c: Doc) => c.id === id);
const link = (d: Doc, from: string, to: string) => d.links.find((l: Doc) => l.from === from && l.to === to);
const ids = (rule: Rule, d: Doc) => findingsOf(rule, d).map((f) => f.id);

describe('hipaa pack', () => {
  it('stays quiet on a sound design', () => {
    expect(findingsOf(hipaaRules, sound())).toEqual([]);
  });

  it('applies where PHI is present even if HIPAA is not declared', () => {
    expect(ids(businessAssociate, variant((x) => {
      x.system.compliance = [];
      component(x, 'lab').agreements = [];
    }))).toEqual(['hipaa/business-associate@lab']);
  });
});

describe('hipaa/access-control', () => {
  it('reports an interface in front of ePHI anyone can call, and one with no stated auth', () => {
    expect(ids(accessControl, variant((x) => { component(x, 'api').exposes[0].auth = 'none'; }))).toEqual(['hipaa/access-control@api#exposes-0']);
    expect(ids(accessControl, variant((x) => delete component(x, 'api').exposes[0].auth))).toEqual(['hipaa/access-control@api#missing-exposes.0.auth']);
  });
});

describe('hipaa/unique-user-identity', () => {
  it('reports people reaching ePHI with a shared API key', () => {
    const findings = findingsOf(uniqueUserIdentity, variant((x) => { component(x, 'portal').exposes[0].auth = 'apikey'; }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/unique-user-identity@portal#exposes-0']);
    expect(findings[0].message).toContain('clinician');
  });

  it('leaves components nobody uses directly to the entity checks', () => {
    expect(findingsOf(uniqueUserIdentity, variant((x) => { component(x, 'api').exposes[0].auth = 'apikey'; }))).toEqual([]);
  });
});

describe('hipaa/audit-controls', () => {
  it('reports once when nothing records activity', () => {
    const findings = findingsOf(auditControls, variant((x) => {
      delete component(x, 'portal').audit;
      delete component(x, 'db').audit;
    }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/audit-controls@system#missing-audit']);
    expect(findings[0].severity).toBe('error');
  });

  it('reports the store of ePHI that records nothing', () => {
    expect(ids(auditControls, variant((x) => delete component(x, 'db').audit))).toEqual(['hipaa/audit-controls@db#missing-audit.logs']);
    expect(ids(auditControls, variant((x) => { component(x, 'db').audit.logs = false; }))).toEqual(['hipaa/audit-controls@db']);
  });
});

describe('hipaa/integrity', () => {
  it('reports a store of ePHI with no integrity protection', () => {
    expect(ids(integrity, variant((x) => delete component(x, 'db').integrity))).toEqual(['hipaa/integrity@db#missing-integrity']);
    expect(ids(integrity, variant((x) => { component(x, 'db').integrity = []; }))).toEqual(['hipaa/integrity@db']);
  });
});

describe('hipaa/entity-authentication', () => {
  it('reports a link into ePHI that does not authenticate the caller', () => {
    expect(ids(entityAuthentication, variant((x) => { link(x, 'api', 'db').auth = 'none'; }))).toEqual(['hipaa/entity-authentication@api->db']);
    expect(ids(entityAuthentication, variant((x) => delete link(x, 'api', 'db').auth))).toEqual(['hipaa/entity-authentication@api->db#missing-auth']);
  });

  it('covers links into a store of ePHI that do not say what they carry', () => {
    const d = variant((x) => x.links.push({ from: 'portal', to: 'db', protocol: 'sql', tls: 'tls', auth: 'none' }));
    expect(ids(entityAuthentication, d)).toEqual(['hipaa/entity-authentication@portal->db']);
  });
});

describe('hipaa/transmission-security', () => {
  it('reports ePHI over a plaintext link, internal ones included', () => {
    expect(ids(transmissionSecurity, variant((x) => { link(x, 'api', 'db').tls = 'none'; }))).toEqual(['hipaa/transmission-security@api->db']);
    const http = variant((x) => {
      delete link(x, 'api', 'lab').tls;
      link(x, 'api', 'lab').protocol = 'http';
    });
    expect(ids(transmissionSecurity, http)).toEqual(['hipaa/transmission-security@api->lab']);
  });

  it('reports an unstated encryption as a gap', () => {
    expect(ids(transmissionSecurity, variant((x) => delete link(x, 'api', 'db').tls))).toEqual(['hipaa/transmission-security@api->db#missing-tls']);
  });
});

describe('hipaa/encryption-at-rest', () => {
  it('reports ePHI stored or backed up unencrypted', () => {
    const d = variant((x) => {
      component(x, 'db').encryptedAtRest = false;
      component(x, 'db').backup.encrypted = false;
    });
    expect(ids(encryptionAtRest, d)).toEqual(['hipaa/encryption-at-rest@db#at-rest', 'hipaa/encryption-at-rest@db#backup']);
  });
});

describe('hipaa/backup-and-recovery', () => {
  it('reports a store of ePHI with no backup, or no time to restore', () => {
    const none = findingsOf(backupAndRecovery, variant((x) => delete component(x, 'db').backup));
    expect(none.map((f) => [f.id, f.severity])).toEqual([['hipaa/backup-and-recovery@db#missing-backup', 'error']]);
    expect(ids(backupAndRecovery, variant((x) => delete component(x, 'db').backup.rto))).toEqual(['hipaa/backup-and-recovery@db#missing-backup.rto']);
  });
});

describe('hipaa/emergency-mode', () => {
  it('asks for an emergency mode operation plan', () => {
    expect(ids(emergencyMode, variant((x) => delete x.system.contingency))).toEqual(['hipaa/emergency-mode@system#missing-contingency.emergencyMode']);
  });
});

describe('hipaa/business-associate', () => {
  it('reports an external party receiving ePHI with no BAA', () => {
    const findings = findingsOf(businessAssociate, variant((x) => { component(x, 'lab').agreements = ['dpa']; }));
    expect(findings.map((f) => f.id)).toEqual(['hipaa/business-associate@lab']);
    expect(findings[0].evidence).toMatchObject({ data: 'record', agreements: 'dpa' });
  });

  it('leaves external parties that receive no ePHI alone', () => {
    const d = variant((x) => {
      component(x, 'lab').agreements = [];
      link(x, 'api', 'lab').carries = [];
    });
    expect(findingsOf(businessAssociate, d)).toEqual([]);
  });
});
