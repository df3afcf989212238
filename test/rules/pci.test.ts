import { describe, expect, it } from 'vitest';
import auditLogRetention from '../../src/rules/packs/pci/audit-log-retention.js';
import auditLogs from '../../src/rules/packs/pci/audit-logs.js';
import cdeScope from '../../src/rules/packs/pci/cde-scope.js';
import cdeSegmentation from '../../src/rules/packs/pci/cde-segmentation.js';
import { pciRules } from '../../src/rules/packs/pci/index.js';
import mfaIntoCde from '../../src/rules/packs/pci/mfa-into-cde.js';
import noSadAfterAuthorisation from '../../src/rules/packs/pci/no-sad-after-authorisation.js';
import panTransmission from '../../src/rules/packs/pci/pan-transmission.js';
import panUnreadable from '../../src/rules/packs/pci/pan-unreadable.js';
import serviceProviders from '../../src/rules/packs/pci/service-providers.js';
import { findingsOf, type Doc, variantOf, componentIn, idsOf, linkIn } from '../helpers.js';


const AUDIT = { logs: true, retention: '400d', immediatelyAvailable: '90d' };

/** A checkout that tokenises cards in a small CDE and meets every PCI DSS control the pack checks. */
function sound(): Doc {
  return {
    system: { name: 'Shop', compliance: ['pci'] },
    users: [{ id: 'shopper', kind: 'end-user', uses: ['checkout'] }, { id: 'ops', kind: 'operator', uses: ['console'] }],
    data: [{ id: 'card', classification: ['pan'] }, { id: 'cvv', classification: ['sad'] }],
    zones: [
      { id: 'internet', trust: 'none' },
      { id: 'corp', trust: 'internal' },
      { id: 'cde', trust: 'restricted', cde: true },
    ],
    components: [
      { id: 'checkout', kind: 'frontend', zone: 'internet', exposes: [{ protocol: 'https', public: true }] },
      { id: 'pay-gateway', kind: 'gateway', zone: 'cde', uses: ['card', 'cvv'], exposes: [{ protocol: 'https', public: true, auth: 'oauth2' }], audit: AUDIT },
      { id: 'tokens', kind: 'datastore', zone: 'cde', stores: ['card'], encryptedAtRest: 'tokenised', audit: AUDIT },
      { id: 'console', kind: 'frontend', zone: 'corp', exposes: [{ protocol: 'https', auth: 'oidc', mfa: true }] },
      { id: 'psp', kind: 'external', zone: 'internet', agreements: ['tpsp', 'aoc'] },
    ],
    links: [
      { from: 'checkout', to: 'pay-gateway', protocol: 'https', auth: 'oauth2', carries: ['card', 'cvv'] },
      { from: 'pay-gateway', to: 'tokens', protocol: 'sql', tls: 'tls', auth: 'mtls', carries: ['card'] },
      { from: 'pay-gateway', to: 'psp', protocol: 'https', tls: 'mtls', auth: 'mtls', carries: ['card', 'cvv'] },
      { from: 'console', to: 'pay-gateway', protocol: 'https', auth: 'oidc' },
    ],
  };
}

const variant = (change: (d: Doc) => void): Doc => variantOf(sound, change);


describe('pci pack', () => {
  it('stays quiet on a sound design', () => {
    expect(findingsOf(pciRules, sound())).toEqual([]);
  });
});

describe('pci/cde-scope', () => {
  it('reports a component handling PAN outside the CDE', () => {
    const findings = findingsOf(cdeScope, variant((x) => { componentIn(x, 'tokens').zone = 'corp'; }));
    expect(findings.map((f) => f.id)).toEqual(['pci/cde-scope@tokens']);
    expect(findings[0].evidence).toMatchObject({ zone: 'corp', data: 'card' });
  });

  it('reports once when no zone is marked as the CDE', () => {
    expect(idsOf(cdeScope, variant((x) => { delete x.zones[2].cde; }))).toEqual(['pci/cde-scope@system#missing-zones.cde']);
  });
});

describe('pci/cde-segmentation', () => {
  it('reports an untrusted zone reaching a store of card data directly', () => {
    const d = variant((x) => x.links.push({ from: 'checkout', to: 'tokens', protocol: 'https', tls: 'tls', auth: 'oauth2' }));
    const findings = findingsOf(cdeSegmentation, d);
    expect(findings.map((f) => f.id)).toEqual(['pci/cde-segmentation@checkout->tokens']);
    expect(findings[0].message).toContain('directly');
  });

  it('reports an untrusted zone calling past the CDE gateway', () => {
    const d = variant((x) => {
      x.components.push({ id: 'fraud', kind: 'service', zone: 'cde', audit: AUDIT });
      x.links.push({ from: 'psp', to: 'fraud', protocol: 'https', tls: 'tls', auth: 'mtls' });
    });
    expect(idsOf(cdeSegmentation, d)).toEqual(['pci/cde-segmentation@psp->fraud']);
  });

  it('lets trusted zones connect', () => {
    expect(findingsOf(cdeSegmentation, variant((x) => x.links.push({ from: 'console', to: 'tokens', protocol: 'sql', tls: 'tls', auth: 'oidc' })))).toEqual([]);
  });
});

describe('pci/no-sad-after-authorisation', () => {
  it('reports sensitive authentication data kept at rest, even encrypted', () => {
    const d = variant((x) => { componentIn(x, 'tokens').stores = ['card', 'cvv']; });
    expect(idsOf(noSadAfterAuthorisation, d)).toEqual(['pci/no-sad-after-authorisation@tokens']);
  });

  it('reports a log that receives SAD', () => {
    const d = variant((x) => {
      x.components.push({ id: 'request-log', kind: 'log', zone: 'cde', retention: '30d', audit: AUDIT });
      x.links.push({ from: 'pay-gateway', to: 'request-log', protocol: 'https', tls: 'tls', auth: 'mtls', carries: ['cvv'] });
    });
    expect(idsOf(noSadAfterAuthorisation, d)).toEqual(['pci/no-sad-after-authorisation@request-log']);
  });
});

describe('pci/pan-unreadable', () => {
  it('reports PAN protected only by disk encryption, or not at all', () => {
    const disk = findingsOf(panUnreadable, variant((x) => { componentIn(x, 'tokens').encryptedAtRest = 'disk'; }));
    expect(disk.map((f) => f.id)).toEqual(['pci/pan-unreadable@tokens']);
    expect(disk[0].message).toContain('disk-level');
    expect(idsOf(panUnreadable, variant((x) => { componentIn(x, 'tokens').encryptedAtRest = false; }))).toEqual(['pci/pan-unreadable@tokens']);
  });

  it('asks which mechanism when encryption is only "true"', () => {
    expect(idsOf(panUnreadable, variant((x) => { componentIn(x, 'tokens').encryptedAtRest = true; }))).toEqual(['pci/pan-unreadable@tokens#missing-encryptedAtRest']);
  });
});

describe('pci/pan-transmission', () => {
  it('reports PAN sent in plaintext to an external party', () => {
    const d = variant((x) => { linkIn(x, 'pay-gateway', 'psp').tls = 'none'; });
    const findings = findingsOf(panTransmission, d);
    expect(findings.map((f) => f.id)).toEqual(['pci/pan-transmission@pay-gateway->psp']);
    expect(findings[0].evidence?.network).toBe('psp is external');
  });

  it('reports an unstated encryption on a public network as a gap, and ignores internal links', () => {
    const d = variant((x) => {
      delete linkIn(x, 'pay-gateway', 'psp').tls;
      linkIn(x, 'pay-gateway', 'psp').protocol = 'iso8583';
      linkIn(x, 'pay-gateway', 'tokens').tls = 'none';
    });
    expect(idsOf(panTransmission, d)).toEqual(['pci/pan-transmission@pay-gateway->psp#missing-tls']);
  });
});

describe('pci/mfa-into-cde', () => {
  it('reports a staff console calling into the CDE without MFA', () => {
    expect(idsOf(mfaIntoCde, variant((x) => { componentIn(x, 'console').exposes[0].mfa = false; }))).toEqual(['pci/mfa-into-cde@console#exposes-0']);
    expect(idsOf(mfaIntoCde, variant((x) => delete componentIn(x, 'console').exposes[0].mfa))).toEqual(['pci/mfa-into-cde@console#missing-exposes.0.mfa']);
  });

  it('reports an admin interface of a CDE component without MFA', () => {
    const d = variant((x) => componentIn(x, 'pay-gateway').exposes.push({ protocol: 'https', auth: 'oidc', admin: true }));
    expect(idsOf(mfaIntoCde, d)).toEqual(['pci/mfa-into-cde@pay-gateway#missing-exposes.1.mfa']);
  });

  it('does not ask shoppers for MFA', () => {
    expect(findingsOf(mfaIntoCde, variant((x) => { x.users[0].uses = ['pay-gateway']; }))).toEqual([]);
  });
});

describe('pci/audit-logs', () => {
  it('reports a CDE component without audit logs', () => {
    expect(idsOf(auditLogs, variant((x) => delete componentIn(x, 'tokens').audit))).toEqual(['pci/audit-logs@tokens#missing-audit.logs']);
    expect(idsOf(auditLogs, variant((x) => { componentIn(x, 'tokens').audit = { logs: false }; }))).toEqual(['pci/audit-logs@tokens']);
  });
});

describe('pci/audit-log-retention', () => {
  it('reports audit logs kept less than 12 months, or less than 3 months at hand', () => {
    const d = variant((x) => { componentIn(x, 'tokens').audit = { logs: true, retention: '180d', immediatelyAvailable: '30d' }; });
    expect(idsOf(auditLogRetention, d)).toEqual(['pci/audit-log-retention@tokens#retention', 'pci/audit-log-retention@tokens#immediate']);
  });

  it('reads the retention of the audit sink, and reports what is not stated', () => {
    const d = variant((x) => {
      x.components.push({ id: 'siem', kind: 'log', zone: 'cde', retention: '400d', audit: AUDIT });
      componentIn(x, 'tokens').audit = { logs: true, sink: 'siem' };
    });
    expect(idsOf(auditLogRetention, d)).toEqual(['pci/audit-log-retention@tokens#missing-audit.immediatelyAvailable']);
  });
});

describe('pci/service-providers', () => {
  it('reports a provider with no written acknowledgement, and one with no AOC', () => {
    expect(idsOf(serviceProviders, variant((x) => { componentIn(x, 'psp').agreements = ['aoc']; }))).toEqual(['pci/service-providers@psp#agreement']);
    const noAoc = findingsOf(serviceProviders, variant((x) => { componentIn(x, 'psp').agreements = ['tpsp']; }));
    expect(noAoc.map((f) => [f.id, f.severity])).toEqual([['pci/service-providers@psp#aoc', 'warning']]);
  });
});
