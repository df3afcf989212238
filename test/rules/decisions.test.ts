import { describe, expect, it } from 'vitest';
import missingReference from '../../src/rules/packs/decisions/missing-reference.js';
import supersededWithoutSuccessor from '../../src/rules/packs/decisions/superseded-without-successor.js';
import { findingsOf } from '../helpers.js';

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);
const components = [{ id: 'router', kind: 'service' }, { id: 'user-service', kind: 'service' }];
const links = [{ from: 'router', to: 'user-service', protocol: 'grpc' }];

describe('decisions/missing-reference', () => {
  it('reports each missing id once, at its place in about, with the nearest id', () => {
    const findings = findingsOf(missingReference, {
      components, links,
      decisions: [{ id: 'ADR-1', title: 'gRPC', status: 'accepted', about: ['router', 'user-servce', 'payments'] }],
    });
    expect(ids(findings)).toEqual(['decisions/missing-reference@ADR-1#user-servce', 'decisions/missing-reference@ADR-1#payments']);
    expect(findings[0].evidence).toEqual({ missing: 'user-servce', nearest: 'user-service' });
    expect(findings[0].message).toContain('did you mean "user-service"?');
    expect(findings[1].evidence).toEqual({ missing: 'payments' });
    // located at each item of about, which yaml.dump writes one per line
    expect(findings[1].location!.line - findings[0].location!.line).toBe(1);
  });

  it('is quiet when every id exists (components, links, the system)', () => {
    const findings = findingsOf(missingReference, {
      components, links,
      decisions: [{ id: 'ADR-1', title: 'gRPC', status: 'accepted', about: ['router', 'router->user-service', 'system'] }],
    });
    expect(findings).toEqual([]);
  });
});

describe('decisions/superseded-without-successor', () => {
  it('reports a superseded decision with no successor, and one whose successor is missing or not a decision', () => {
    const findings = findingsOf(supersededWithoutSuccessor, {
      components,
      decisions: [
        { id: 'ADR-1', title: 'Old', status: 'superseded' },
        { id: 'ADR-2', title: 'Old too', status: 'superseded', supersededBy: 'ADR-9' },
        { id: 'ADR-3', title: 'Odd', status: 'superseded', supersededBy: 'router' },
        { id: 'ADR-4', title: 'New', status: 'accepted' },
      ],
    });
    expect(ids(findings)).toEqual([
      'decisions/superseded-without-successor@ADR-1',
      'decisions/superseded-without-successor@ADR-2',
      'decisions/superseded-without-successor@ADR-3',
    ]);
    expect(findings[0].message).toContain('not stated: add `supersededBy`');
    expect(findings[1].evidence).toEqual({ supersededBy: 'ADR-9', nearest: 'ADR-1' });
    expect(findings[2].message).toContain('a component, not a decision');
  });

  it('is quiet when the successor is a decision', () => {
    const findings = findingsOf(supersededWithoutSuccessor, {
      decisions: [
        { id: 'ADR-1', title: 'Old', status: 'superseded', supersededBy: 'ADR-2' },
        { id: 'ADR-2', title: 'New', status: 'accepted' },
      ],
    });
    expect(findings).toEqual([]);
  });
});
