import { describe, expect, it } from 'vitest';
import breachDetection from '../../src/rules/packs/gdpr/breach-detection.js';
import dpia from '../../src/rules/packs/gdpr/dpia.js';
import encryption from '../../src/rules/packs/gdpr/encryption.js';
import lawfulBasis from '../../src/rules/packs/gdpr/lawful-basis.js';
import privateByDefault from '../../src/rules/packs/gdpr/private-by-default.js';
import processorAgreement from '../../src/rules/packs/gdpr/processor-agreement.js';
import restore from '../../src/rules/packs/gdpr/restore.js';
import specialCategoryCondition from '../../src/rules/packs/gdpr/special-category-condition.js';
import storageLimitation from '../../src/rules/packs/gdpr/storage-limitation.js';
import subjectRights from '../../src/rules/packs/gdpr/subject-rights.js';
import thirdCountryTransfer from '../../src/rules/packs/gdpr/third-country-transfer.js';
import { gdprRules } from '../../src/rules/packs/gdpr/index.js';
import { findingsOf, type Doc, variantOf, componentIn, idsOf } from '../helpers.js';


/** A small EU service that meets every GDPR control the pack checks. */
function sound(): Doc {
  return {
    system: { name: 'Shop', compliance: ['gdpr'], region: 'eu-central-1', controller: { name: 'Shop GmbH', dpo: 'dpo@shop.example' } },
    users: [{ id: 'customer', kind: 'end-user', uses: ['api'], regions: ['EU'], count: 2000 }],
    data: [{ id: 'profile', classification: ['personal'], subjects: ['customer'], retention: '365d', lawfulBasis: 'contract' }],
    zones: [{ id: 'core', trust: 'internal', region: 'eu-central-1' }],
    components: [
      {
        id: 'api', kind: 'service', zone: 'core', uses: ['profile'], subjectRights: ['access', 'erasure', 'export'],
        exposes: [{ protocol: 'https', public: true, auth: 'oidc' }], audit: { logs: true },
      },
      {
        id: 'db', kind: 'datastore', zone: 'core', stores: ['profile'], retention: '365d', encryptedAtRest: true,
        backup: { rpo: '1h', rto: '4h', encrypted: true, retention: '30d' }, audit: { logs: true },
      },
      { id: 'mailer', kind: 'external', region: 'eu-west-1', processor: true, agreements: ['dpa'], subProcessors: [] },
    ],
    links: [
      { from: 'api', to: 'db', protocol: 'sql', tls: 'tls', auth: 'mtls', carries: ['profile'] },
      { from: 'api', to: 'mailer', protocol: 'https', auth: 'apikey', carries: ['profile'] },
    ],
  };
}

const variant = (change: (d: Doc) => void): Doc => variantOf(sound, change);


describe('gdpr pack', () => {
  it('stays quiet on a sound design', () => {
    expect(findingsOf(gdprRules, sound())).toEqual([]);
  });

  it('runs only where GDPR applies', () => {
    const d = variant((x) => {
      x.system.compliance = [];
      x.system.region = 'us-east-1';
      x.users[0].regions = ['US'];
      delete x.data[0].lawfulBasis;
    });
    expect(findingsOf(lawfulBasis, d)).toEqual([]);
  });
});

describe('gdpr/lawful-basis', () => {
  it('reports personal data with no lawful basis as a gap', () => {
    const findings = findingsOf(lawfulBasis, variant((d) => delete d.data[0].lawfulBasis));
    expect(findings.map((f) => f.id)).toEqual(['gdpr/lawful-basis@profile#missing-lawfulBasis']);
    expect(findings[0].message).toContain('not stated: add `lawfulBasis`');
    expect(findings[0].evidence?.missing).toBe('lawfulBasis');
  });

  it('accepts a basis on every purpose instead', () => {
    const d = variant((x) => {
      delete x.data[0].lawfulBasis;
      x.data[0].purposes = [{ name: 'Orders', lawfulBasis: 'contract' }, { name: 'Fraud checks', lawfulBasis: 'legitimate-interests' }];
    });
    expect(findingsOf(lawfulBasis, d)).toEqual([]);
  });
});

describe('gdpr/special-category-condition', () => {
  const health = (condition?: string) => variant((d) => {
    d.data.push({ id: 'health', classification: ['special'], subjects: ['customer'], lawfulBasis: 'consent', ...(condition ? { specialCategoryCondition: condition } : {}) });
  });

  it('reports special-category data with no Art. 9(2) condition', () => {
    expect(idsOf(specialCategoryCondition, health())).toEqual(['gdpr/special-category-condition@health#missing-specialCategoryCondition']);
  });

  it('reports a condition that is not one of Art. 9(2)(a)-(j)', () => {
    const findings = findingsOf(specialCategoryCondition, health('6(1)(b)'));
    expect(findings.map((f) => f.id)).toEqual(['gdpr/special-category-condition@health']);
    expect(findings[0].message).toContain('not one of Art. 9(2)');
  });

  it('accepts a valid condition', () => {
    expect(findingsOf(specialCategoryCondition, health('9(2)(a)'))).toEqual([]);
  });
});

describe('gdpr/storage-limitation', () => {
  it('reports a store, and a log, of personal data with no retention', () => {
    const d = variant((x) => {
      delete componentIn(x, 'db').retention;
      x.components.push({ id: 'access-log', kind: 'log', zone: 'core', uses: ['profile'] });
    });
    expect(idsOf(storageLimitation, d)).toEqual([
      'gdpr/storage-limitation@db#missing-retention',
      'gdpr/storage-limitation@access-log#missing-retention',
    ]);
  });

  it('reports a store kept longer than its data, and backups without retention', () => {
    const d = variant((x) => {
      componentIn(x, 'db').retention = '730d';
      delete componentIn(x, 'db').backup.retention;
    });
    const findings = findingsOf(storageLimitation, d);
    expect(findings.map((f) => f.id)).toEqual(['gdpr/storage-limitation@db#longer-than-data', 'gdpr/storage-limitation@db#missing-backup.retention']);
    expect(findings[0].evidence).toMatchObject({ retention: '730d', dataRetention: '365d' });
  });

  it('judges a store of several assets against the longest retention among them', () => {
    const d = variant((x) => {
      x.data.push({ id: 'session', classification: ['personal'], subjects: ['customer'], retention: '1d', lawfulBasis: 'contract' });
      componentIn(x, 'db').stores = ['profile', 'session'];
    });
    expect(findingsOf(storageLimitation, d)).toEqual([]);
  });

  it('reports backups kept longer than the data may be', () => {
    expect(idsOf(storageLimitation, variant((x) => { componentIn(x, 'db').backup.retention = '2y'; })))
      .toEqual(['gdpr/storage-limitation@db#backup-longer-than-data']);
  });
});

describe('gdpr/subject-rights', () => {
  it('reports once, on the system, when nothing serves data-subject requests', () => {
    const findings = findingsOf(subjectRights, variant((x) => delete componentIn(x, 'api').subjectRights));
    expect(findings.map((f) => f.id)).toEqual(['gdpr/subject-rights@system#missing-subjectRights']);
  });

  it('reports a store the request path does not reach', () => {
    const d = variant((x) => {
      x.components.push({ id: 'archive', kind: 'datastore', zone: 'core', stores: ['profile'], retention: '365d' });
    });
    const findings = findingsOf(subjectRights, d);
    expect(findings.map((f) => f.id)).toEqual(['gdpr/subject-rights@archive']);
    expect(findings[0].evidence).toMatchObject({ rightsWithoutPath: 'access, erasure, export', servedBy: 'api' });
  });

  it('follows links, counts expiry as erasure, and asks for export only on consent or contract', () => {
    const d = variant((x) => {
      x.data.push({ id: 'tax-record', classification: ['personal'], subjects: ['customer'], lawfulBasis: 'legal-obligation' });
      x.components.push({ id: 'worker', kind: 'job', zone: 'core' });
      x.components.push({ id: 'ledger', kind: 'datastore', zone: 'core', stores: ['tax-record'], retention: '10y' });
      x.components.push({ id: 'sessions', kind: 'datastore', zone: 'core', stores: ['profile'], retention: '7d' });
      x.links.push({ from: 'api', to: 'worker', protocol: 'grpc' });
      x.links.push({ from: 'worker', to: 'ledger', protocol: 'sql' });
      componentIn(x, 'api').subjectRights = ['access', 'erasure', 'export'];
    });
    const findings = findingsOf(subjectRights, d);
    expect(findings.map((f) => f.id)).toEqual(['gdpr/subject-rights@sessions']);
    expect(findings[0].evidence?.rightsWithoutPath).toBe('access, export');
  });

  it('leaves out caches and queues whose content expires within a month', () => {
    const d = variant((x) => x.components.push({ id: 'cache', kind: 'cache', zone: 'core', stores: ['profile'], retention: '1h' }));
    expect(findingsOf(subjectRights, d)).toEqual([]);
  });
});

describe('gdpr/private-by-default', () => {
  it('reports a public interface without authentication in front of personal data', () => {
    const findings = findingsOf(privateByDefault, variant((x) => { componentIn(x, 'api').exposes[0].auth = 'none'; }));
    expect(findings.map((f) => f.id)).toEqual(['gdpr/private-by-default@api#exposes-0']);
  });

  it('reports a store of personal data in an untrusted zone', () => {
    const d = variant((x) => {
      x.zones.push({ id: 'internet', trust: 'none' });
      componentIn(x, 'db').zone = 'internet';
    });
    expect(idsOf(privateByDefault, d)).toEqual(['gdpr/private-by-default@db#zone']);
  });

  it('does not hold a browser page to account for the data its user sends', () => {
    const d = variant((x) => {
      x.components.push({ id: 'web', kind: 'frontend', exposes: [{ protocol: 'https', public: true }] });
      x.links.push({ from: 'web', to: 'api', protocol: 'https', auth: 'oidc', carries: ['profile'] });
    });
    expect(findingsOf(privateByDefault, d)).toEqual([]);
  });
});

describe('gdpr/processor-agreement', () => {
  it('asks an external party receiving personal data for its role', () => {
    expect(idsOf(processorAgreement, variant((x) => delete componentIn(x, 'mailer').processor)))
      .toEqual(['gdpr/processor-agreement@mailer#missing-processor']);
  });

  it('reports a processor with no DPA and no declared sub-processors', () => {
    const d = variant((x) => {
      componentIn(x, 'mailer').agreements = [];
      delete componentIn(x, 'mailer').subProcessors;
    });
    expect(idsOf(processorAgreement, d).sort()).toEqual(['gdpr/processor-agreement@mailer#dpa', 'gdpr/processor-agreement@mailer#missing-subProcessors']);
  });

  it('leaves independent controllers alone', () => {
    const d = variant((x) => {
      componentIn(x, 'mailer').processor = false;
      componentIn(x, 'mailer').agreements = [];
    });
    expect(findingsOf(processorAgreement, d)).toEqual([]);
  });
});

describe('gdpr/encryption', () => {
  it('reports unencrypted stores, backups and links, as errors for special-category data', () => {
    const d = variant((x) => {
      componentIn(x, 'db').encryptedAtRest = false;
      componentIn(x, 'db').backup.encrypted = false;
      x.links[0].tls = 'none';
    });
    const findings = findingsOf(encryption, d);
    expect(findings.map((f) => f.id)).toEqual(['gdpr/encryption@db#at-rest', 'gdpr/encryption@db#backup', 'gdpr/encryption@api->db']);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const special = variant((x) => {
      x.data[0].classification = ['special'];
      x.links[0].tls = 'none';
    });
    expect(findingsOf(encryption, special).map((f) => f.severity)).toEqual(['error']);
  });

  it('reports an unstated link encryption as a gap, and trusts https', () => {
    const d = variant((x) => delete x.links[0].tls);
    expect(idsOf(encryption, d)).toEqual(['gdpr/encryption@api->db#missing-tls']);
  });
});

describe('gdpr/restore', () => {
  it('reports a store of personal data with no backup, or no recovery point and time', () => {
    expect(idsOf(restore, variant((x) => delete componentIn(x, 'db').backup))).toEqual(['gdpr/restore@db#missing-backup']);
    expect(idsOf(restore, variant((x) => { componentIn(x, 'db').backup = { encrypted: true, retention: '30d' }; })))
      .toEqual(['gdpr/restore@db#missing-backup.rpo', 'gdpr/restore@db#missing-backup.rto']);
  });
});

describe('gdpr/breach-detection', () => {
  it('reports once when nothing in the design is audited', () => {
    const d = variant((x) => {
      delete componentIn(x, 'api').audit;
      delete componentIn(x, 'db').audit;
    });
    expect(idsOf(breachDetection, d)).toEqual(['gdpr/breach-detection@system#missing-audit']);
  });

  it('reports each unaudited store once something is audited', () => {
    expect(idsOf(breachDetection, variant((x) => delete componentIn(x, 'db').audit))).toEqual(['gdpr/breach-detection@db#missing-audit.logs']);
    expect(idsOf(breachDetection, variant((x) => { componentIn(x, 'db').audit.logs = false; }))).toEqual(['gdpr/breach-detection@db']);
  });
});

describe('gdpr/dpia', () => {
  const largeHealth = (extra: (d: Doc) => void = () => undefined) => variant((x) => {
    x.data.push({ id: 'health', classification: ['special'], subjects: ['customer'], lawfulBasis: 'consent', specialCategoryCondition: '9(2)(a)' });
    x.users[0].count = 50000;
    extra(x);
  });

  it('asks for a DPIA for special-category data on a large scale', () => {
    const findings = findingsOf(dpia, largeHealth());
    expect(findings.map((f) => f.id)).toEqual(['gdpr/dpia@system#missing-dpia']);
    expect(findings[0].message).toContain('health is special-category data processed on a large scale (50000 subjects)');
  });

  it('asks for a DPIA for automated decisions with legal effects', () => {
    expect(idsOf(dpia, variant((x) => { componentIn(x, 'api').automatedDecisions = true; }))).toEqual(['gdpr/dpia@system#missing-dpia']);
  });

  it('is satisfied by a recorded DPIA, and quiet without triggers', () => {
    expect(findingsOf(dpia, largeHealth((x) => { x.system.dpia = 'DPIA-2026-04'; }))).toEqual([]);
    expect(findingsOf(dpia, largeHealth((x) => {
      x.decisions = [{ id: 'ADR-9', title: 'DPIA for health data', status: 'accepted' }];
    }))).toEqual([]);
    expect(findingsOf(dpia, largeHealth((x) => { x.users[0].count = 100; }))).toEqual([]);
  });
});

describe('gdpr/third-country-transfer', () => {
  const abroad = (change: (mailer: Doc) => void) => variant((x) => {
    const mailer = componentIn(x, 'mailer');
    mailer.region = 'us-east-1';
    change(mailer);
  });

  it('reports personal data sent to the US with no mechanism, and says what adequacy covers', () => {
    const findings = findingsOf(thirdCountryTransfer, abroad(() => undefined));
    expect(findings.map((f) => f.id)).toEqual(['gdpr/third-country-transfer@mailer']);
    expect(findings[0].message).toContain('Data Privacy Framework');
    expect(findings[0].evidence).toMatchObject({ country: 'US', mechanism: 'none' });
  });

  it('accepts SCCs, DPF certification and adequate countries', () => {
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.agreements = ['dpa', 'scc']; }))).toEqual([]);
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.transferMechanism = 'dpf'; }))).toEqual([]);
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.region = 'ap-northeast-1'; }))).toEqual([]);
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.region = 'eu-west-2'; }))).toEqual([]);
  });

  it('rejects adequacy claimed for a country without it, and flags derogations', () => {
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.region = 'ap-south-1'; m.transferMechanism = 'adequacy'; }))[0].message)
      .toContain('IN has no adequacy decision');
    expect(findingsOf(thirdCountryTransfer, abroad((m) => { m.region = 'sa-east-1'; }))).toEqual([]);
    const derogation = findingsOf(thirdCountryTransfer, abroad((m) => { m.transferMechanism = 'derogation'; }));
    expect(derogation.map((f) => f.severity)).toEqual(['warning']);
  });

  it('reports once, on the system, when nothing says where our own components run', () => {
    const d = variant((x) => {
      delete x.system.region;
      delete x.zones[0].region;
    });
    const findings = findingsOf(thirdCountryTransfer, d);
    expect(findings.map((f) => f.id)).toEqual(['gdpr/third-country-transfer@system#missing-region']);
    expect(findings[0].evidence).toMatchObject({ components: 2, first: 'api' });
  });

  it('reports backups kept outside the EEA, and an external party of unknown location as a gap', () => {
    expect(idsOf(thirdCountryTransfer, variant((x) => { componentIn(x, 'db').backup.region = 'us-west-2'; })))
      .toEqual(['gdpr/third-country-transfer@db#backup']);
    expect(idsOf(thirdCountryTransfer, variant((x) => delete componentIn(x, 'mailer').region)))
      .toEqual(['gdpr/third-country-transfer@mailer#missing-region']);
  });
});
