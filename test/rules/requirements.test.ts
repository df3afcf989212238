import { describe, expect, it } from 'vitest';
import componentWithoutRequirement from '../../src/rules/packs/requirements/component-without-requirement.js';
import noConstraints from '../../src/rules/packs/requirements/no-constraints.js';
import outOfScopeServed from '../../src/rules/packs/requirements/out-of-scope-served.js';
import unmeasurableQuality from '../../src/rules/packs/requirements/unmeasurable-quality.js';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import userWithoutEntryPoint from '../../src/rules/packs/requirements/user-without-entry-point.js';
import { BASE, findingsOf } from '../helpers.js';

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('requirements/unserved-requirement', () => {
  it('reports a requirement no component serves', () => {
    const findings = findingsOf(unservedRequirement, {
      requirements: [{ id: 'R1', kind: 'function', text: 'Do a thing.' }, { id: 'R2', kind: 'function', text: 'Another.' }],
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }],
    });
    expect(findings.map((f) => f.id)).toEqual(['requirements/unserved-requirement@R2']);
    expect(findings[0].location).toMatchObject({ file: 'design.yaml' });
  });

  it('is quiet when every requirement is served', () => {
    const findings = findingsOf(unservedRequirement, {
      requirements: [{ id: 'R1', kind: 'function', text: 'Do a thing.' }],
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }],
    });
    expect(findings).toEqual([]);
  });
});

describe('requirements/component-without-requirement', () => {
  const requirements = [{ id: 'R1', kind: 'function', text: 'Do a thing.' }];

  it('reports a service that serves no requirement, at its serves field', () => {
    const findings = findingsOf(componentWithoutRequirement, {
      requirements,
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }, { id: 'extra', kind: 'service' }],
    });
    expect(ids(findings)).toEqual(['requirements/component-without-requirement@extra']);
    expect(findings[0].evidence).toMatchObject({ kind: 'service', requirements: 1 });
  });

  it('reports a datastore linked with nothing that serves a requirement', () => {
    const findings = findingsOf(componentWithoutRequirement, {
      requirements,
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }, { id: 'orphan-db', kind: 'datastore' }],
    });
    expect(ids(findings)).toEqual(['requirements/component-without-requirement@orphan-db']);
  });

  it('counts gateways and stores linked with a serving component, and leaves externals, secrets and logs alone', () => {
    const findings = findingsOf(componentWithoutRequirement, {
      requirements,
      components: [
        { id: 'api', kind: 'service', serves: ['R1'] },
        { id: 'db', kind: 'datastore' },
        { id: 'jobs', kind: 'queue' },
        { id: 'edge', kind: 'gateway' },
        { id: 'stripe', kind: 'external' },
        { id: 'vault', kind: 'secrets' },
        { id: 'audit-log', kind: 'log' },
      ],
      links: [
        { from: 'api', to: 'db', protocol: 'sql' },
        { from: 'api', to: 'jobs', protocol: 'kafka' },
        { from: 'edge', to: 'api', protocol: 'grpc' },
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('requirements/unmeasurable-quality', () => {
  it('reports a quality requirement with no target, and one with only a workload', () => {
    const findings = findingsOf(unmeasurableQuality, {
      requirements: [
        { id: 'Q1', kind: 'quality', text: 'Fast.' },
        { id: 'Q2', kind: 'quality', text: 'Fast under load.', target: { workload: 'main' } },
      ],
      workloads: [{ id: 'main', rate: '10/s', path: ['api'] }],
      components: [{ id: 'api', kind: 'service' }],
    });
    expect(ids(findings)).toEqual(['requirements/unmeasurable-quality@Q1', 'requirements/unmeasurable-quality@Q2']);
    expect(findings[0].message).toContain('not stated: add `target`');
  });

  it('is quiet for measurable targets and for function requirements', () => {
    const findings = findingsOf(unmeasurableQuality, {
      requirements: [
        { id: 'Q1', kind: 'quality', text: 'Fast.', target: { latencyP99: '300ms' } },
        { id: 'Q2', kind: 'quality', text: 'Up.', target: { availability: '99.9%' } },
        { id: 'F1', kind: 'function', text: 'Do it.' },
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('requirements/user-without-entry-point', () => {
  it('reports a user who uses nothing', () => {
    const findings = findingsOf(userWithoutEntryPoint, {
      users: [{ id: 'ops', kind: 'operator' }, { id: 'shopper', kind: 'end-user', uses: ['web'] }],
      components: [{ id: 'web', kind: 'frontend' }],
    });
    expect(ids(findings)).toEqual(['requirements/user-without-entry-point@ops']);
    expect(findings[0].message).toContain('add `uses`');
  });

  it('is quiet when every user has an entry point', () => {
    const findings = findingsOf(userWithoutEntryPoint, {
      users: [{ id: 'shopper', kind: 'end-user', uses: ['web'] }],
      components: [{ id: 'web', kind: 'frontend' }],
    });
    expect(findings).toEqual([]);
  });
});

describe('requirements/out-of-scope-served', () => {
  const system = { ...BASE.system, scope: { in: ['orders', 'payment reminders'], out: ['Payments', 'voice calls'] } };

  it('reports a served requirement whose scope is out, and a component named for an out-of-scope function', () => {
    const findings = findingsOf(outOfScopeServed, {
      system,
      requirements: [{ id: 'R1', kind: 'function', text: 'Take card payments.', scope: 'payments' }],
      components: [
        { id: 'checkout', kind: 'service', serves: ['R1'] },
        { id: 'VoiceCallRouter', kind: 'service' },
      ],
    });
    expect(ids(findings).sort()).toEqual([
      'requirements/out-of-scope-served@R1',
      'requirements/out-of-scope-served@VoiceCallRouter',
    ]);
    const r1 = findings.find((f) => f.subject.id === 'R1')!;
    expect(r1.evidence).toEqual({ scope: 'Payments', servedBy: 'checkout' });
  });

  it('matches plurals but not in-scope functions that contain the word, nor unserved or in-scope requirements', () => {
    const findings = findingsOf(outOfScopeServed, {
      system,
      requirements: [
        { id: 'R1', kind: 'function', text: 'No payments.', scope: 'payments', priority: 'wont' },
        { id: 'R2', kind: 'function', text: 'Orders.', scope: 'orders' },
      ],
      components: [
        { id: 'payment-reminder-service', kind: 'service', serves: ['R2'] },
        { id: 'orders', kind: 'service', serves: ['R2'], description: 'Payments are out of scope here.' },
      ],
    });
    expect(findings).toEqual([]);
    const named = findingsOf(outOfScopeServed, { system, components: [{ id: 'payment-service', kind: 'service' }] });
    expect(ids(named)).toEqual(['requirements/out-of-scope-served@payment-service']);
  });
});

describe('requirements/no-constraints', () => {
  it('reports a design without constraints, and one with an empty constraints block', () => {
    const none = findingsOf(noConstraints, 'archwright: 1\nsystem:\n  name: S\n');
    expect(ids(none)).toEqual(['requirements/no-constraints@system']);
    expect(none[0].location).toMatchObject({ file: 'design.yaml', line: 3 });
    const empty = findingsOf(noConstraints, { system: { name: 'S', constraints: { other: [] } } });
    expect(ids(empty)).toEqual(['requirements/no-constraints@system']);
  });

  it('is quiet when any constraint is named', () => {
    expect(findingsOf(noConstraints, { system: { name: 'S', constraints: { deadline: '2027-01-31' } } })).toEqual([]);
    expect(findingsOf(noConstraints, {})).toEqual([]);
  });
});

describe('bot-platform example under the requirements, protocols, simplicity and decisions packs', () => {
  it('finds exactly its deliberate weaknesses', async () => {
    const { loadDesign } = await import('../../src/model/load.js');
    const { nodeHost } = await import('../../src/io/node-host.js');
    const { review } = await import('../../src/rules/engine.js');
    const { requirementsRules } = await import('../../src/rules/packs/requirements/index.js');
    const { protocolsRules } = await import('../../src/rules/packs/protocols/index.js');
    const { simplicityRules } = await import('../../src/rules/packs/simplicity/index.js');
    const { decisionsRules } = await import('../../src/rules/packs/decisions/index.js');
    const { design } = loadDesign('examples/bot-platform/archwright.yaml', nodeHost);
    const rules = [...requirementsRules, ...protocolsRules, ...simplicityRules, ...decisionsRules];
    expect(ids(review(design!, rules).findings).sort()).toEqual([
      'decisions/superseded-without-successor@ADR-003',
      'protocols/nonstandard-internal-protocol@bot-engine->recommendation-engine',
      'requirements/component-without-requirement@recommendation-engine',
      'requirements/unserved-requirement@R8',
    ]);
  });
});
