import { describe, expect, it } from 'vitest';
import mixedInternalProtocols from '../../src/rules/packs/protocols/mixed-internal-protocols.js';
import nonstandardInternalProtocol from '../../src/rules/packs/protocols/nonstandard-internal-protocol.js';
import protocolNotExposed from '../../src/rules/packs/protocols/protocol-not-exposed.js';
import { BASE, findingsOf } from '../helpers.js';

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);
const withStandards = (standards: Record<string, string>) => ({ ...BASE.system, standards });

const components = [
  { id: 'web', kind: 'frontend', zone: 'internet' },
  { id: 'api', kind: 'service', zone: 'core' },
  { id: 'orders', kind: 'service', zone: 'core' },
  { id: 'billing', kind: 'service', zone: 'core' },
  { id: 'db', kind: 'datastore', zone: 'core' },
  { id: 'bus', kind: 'queue', zone: 'core' },
  { id: 'stripe', kind: 'external' },
];
const zones = [{ id: 'internet', trust: 'none' }, { id: 'core', trust: 'internal' }];

describe('protocols/nonstandard-internal-protocol', () => {
  it('reports internal sync and async links off the standard, at the protocol field', () => {
    const findings = findingsOf(nonstandardInternalProtocol, {
      system: withStandards({ internalProtocol: 'grpc', asyncProtocol: 'kafka' }),
      zones, components,
      links: [
        { from: 'api', to: 'orders', protocol: 'grpc' },
        { from: 'api', to: 'billing', protocol: 'http' },
        { from: 'orders', to: 'bus', protocol: 'amqp' },
      ],
    });
    expect(ids(findings)).toEqual([
      'protocols/nonstandard-internal-protocol@api->billing',
      'protocols/nonstandard-internal-protocol@orders->bus',
    ]);
    expect(findings[0].evidence).toEqual({ protocol: 'http', standard: 'grpc', mode: 'sync' });
    expect(findings[1].evidence).toMatchObject({ protocol: 'amqp', standard: 'kafka', mode: 'async' });
  });

  it('leaves alone datastore protocols, externals, untrusted zones, and async links when no async standard is set', () => {
    const findings = findingsOf(nonstandardInternalProtocol, {
      system: withStandards({ internalProtocol: 'grpc' }),
      zones, components,
      links: [
        { from: 'orders', to: 'db', protocol: 'sql' },
        { from: 'billing', to: 'stripe', protocol: 'https' },
        { from: 'web', to: 'api', protocol: 'https' },
        { from: 'orders', to: 'bus', protocol: 'amqp' },
      ],
    });
    expect(findings).toEqual([]);
  });

  it('accepts a deviation an accepted decision about an end explains by naming the protocol', () => {
    const design = (decision: Record<string, unknown>) => ({
      system: withStandards({ internalProtocol: 'grpc' }),
      zones, components,
      links: [{ from: 'api', to: 'billing', protocol: 'http' }],
      decisions: [{ id: 'ADR-1', title: 'Billing speaks REST', status: 'accepted', about: ['billing'], ...decision }],
    });
    expect(findingsOf(nonstandardInternalProtocol, design({}))).toEqual([]);
    // a decision about the same service that does not name the protocol, or is not accepted, explains nothing
    expect(ids(findingsOf(nonstandardInternalProtocol, design({ title: 'Billing owns invoices' })))).toEqual(['protocols/nonstandard-internal-protocol@api->billing']);
    expect(ids(findingsOf(nonstandardInternalProtocol, design({ status: 'proposed' })))).toEqual(['protocols/nonstandard-internal-protocol@api->billing']);
    // the context names rejected alternatives, so it does not count
    expect(ids(findingsOf(nonstandardInternalProtocol, design({ title: 'Billing', context: 'We considered HTTP.' })))).toHaveLength(1);
  });
});

describe('protocols/protocol-not-exposed', () => {
  it('reports a link in a protocol the target does not expose', () => {
    const findings = findingsOf(protocolNotExposed, {
      components: [
        { id: 'api', kind: 'service' },
        { id: 'orders', kind: 'service', exposes: [{ protocol: 'grpc' }, { protocol: 'GRPC' }] },
      ],
      existing: [{ id: 'crm', protocol: 'soap' }],
      links: [{ from: 'api', to: 'orders', protocol: 'http' }, { from: 'api', to: 'crm', protocol: 'https' }],
    });
    expect(ids(findings)).toEqual(['protocols/protocol-not-exposed@api->orders', 'protocols/protocol-not-exposed@api->crm']);
    expect(findings[0].evidence).toEqual({ protocol: 'http', exposes: 'grpc, GRPC' });
  });

  it('is quiet when the target offers the protocol (any case) or declares no interfaces', () => {
    const findings = findingsOf(protocolNotExposed, {
      components: [
        { id: 'api', kind: 'service' },
        { id: 'orders', kind: 'service', exposes: [{ protocol: 'https' }, { protocol: 'gRPC' }] },
        { id: 'db', kind: 'datastore' },
      ],
      links: [{ from: 'api', to: 'orders', protocol: 'grpc' }, { from: 'api', to: 'db', protocol: 'sql' }],
    });
    expect(findings).toEqual([]);
  });
});

describe('protocols/mixed-internal-protocols', () => {
  const links = [
    { from: 'api', to: 'orders', protocol: 'grpc' },
    { from: 'orders', to: 'billing', protocol: 'grpc' },
    { from: 'api', to: 'billing', protocol: 'http' },
    { from: 'orders', to: 'db', protocol: 'sql' },
    { from: 'web', to: 'api', protocol: 'https' },
    { from: 'orders', to: 'bus', protocol: 'kafka' },
  ];

  it('reports each protocol besides the usual one once, with counts', () => {
    const findings = findingsOf(mixedInternalProtocols, { zones, components, links });
    expect(ids(findings)).toEqual(['protocols/mixed-internal-protocols@system#http']);
    expect(findings[0].evidence).toEqual({ protocol: 'http', links: 1, usual: 'grpc', usualLinks: 2, first: 'api->billing' });
    // located at the first deviating link
    expect(findings[0].location?.line).toBeGreaterThan(1);
  });

  it('is quiet with one protocol, with a declared standard, or when a decision explains the exception', () => {
    const one = links.filter((l) => l.protocol !== 'http');
    expect(findingsOf(mixedInternalProtocols, { zones, components, links: one })).toEqual([]);
    expect(findingsOf(mixedInternalProtocols, { system: withStandards({ internalProtocol: 'grpc' }), zones, components, links })).toEqual([]);
    const decisions = [{ id: 'ADR-1', title: 'Billing keeps its HTTP API', status: 'accepted', about: ['api->billing'] }];
    expect(findingsOf(mixedInternalProtocols, { zones, components, links, decisions })).toEqual([]);
  });
});
