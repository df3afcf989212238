import { describe, expect, it } from 'vitest';
import { capacityRules } from '../../src/rules/packs/capacity/index.js';
import hotComponentNotIsolated from '../../src/rules/packs/capacity/hot-component-not-isolated.js';
import latencyTargetMissed from '../../src/rules/packs/capacity/latency-target-missed.js';
import overBudget from '../../src/rules/packs/capacity/over-budget.js';
import saturatesWithinHorizon from '../../src/rules/packs/capacity/saturates-within-horizon.js';
import hotSharedResource from '../../src/rules/packs/scalability/hot-shared-resource.js';
import { analyseCapacity } from '../../src/capacity/analyse.js';
import { designOf, findingsOf } from '../helpers.js';

/** One service growing 10%/month from 100/s at 10ms per request. */
const growing = (api: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  components: [{ id: 'api', kind: 'service', serviceTime: '10ms', concurrency: 1, instances: { min: 1, max: 4 }, cost: { perInstanceMonthly: 100 }, ...api }],
  workloads: [{ id: 'w', rate: '100/s', growth: '10%/month', horizon: '24 months', path: ['api'] }],
  ...extra,
});

describe('capacity/saturates-within-horizon', () => {
  it('reports the month a component saturates at its maximum instances', () => {
    const findings = findingsOf(saturatesWithinHorizon, growing());
    expect(findings.map((f) => f.id)).toEqual(['capacity/saturates-within-horizon@api']);
    const month = Math.ceil(Math.log(4) / Math.log(1.1));
    expect(findings[0].evidence).toMatchObject({ month, instancesMax: 4, instancesNeeded: Math.ceil((100 * 1.1 ** month * 0.01) / 0.7) });
    expect(findings[0].message).toMatch(new RegExp(`api saturates at month ${month}`));
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].location).toMatchObject({ file: 'design.yaml' });
  });

  it('is an error when the component is saturated already', () => {
    const findings = findingsOf(saturatesWithinHorizon, growing({ instances: 1, concurrency: 1, serviceTime: '20ms' }));
    expect(findings[0].severity).toBe('error');
    expect(findings[0].evidence).toMatchObject({ month: 0, utilisation: '200%' });
  });

  it('is quiet when the maximum covers the horizon', () => {
    expect(findingsOf(saturatesWithinHorizon, growing({ instances: { min: 1, max: 20 } }))).toEqual([]);
  });
});

describe('capacity/latency-target-missed', () => {
  const target = (latencyP99: string) => ({ requirements: [{ id: 'R1', kind: 'quality', text: 'Fast.', target: { workload: 'w', latencyP99 } }] });

  it('reports a target missed today as an error with the predicted p99', () => {
    const findings = findingsOf(latencyTargetMissed, growing({}, target('20ms')));
    expect(findings.map((f) => f.id)).toEqual(['capacity/latency-target-missed@R1#p99']);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].evidence).toMatchObject({ workload: 'w', metric: 'p99', target: '20ms', month: 0, bottleneck: 'api' });
    expect(findings[0].message).toMatch(/R1 asks p99 ≤ 20ms for w; the model predicts/);
  });

  it('reports a target met today but missed later as a warning with the month', () => {
    const design = growing({}, target('60ms'));
    const report = analyseCapacity(designOf(design));
    const findings = findingsOf(latencyTargetMissed, design);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].evidence?.month).toBe(report.targets[0].firstMissedMonth);
    expect(findings[0].message).toMatch(/met at today's peak .* but missed from month \d+/);
  });

  it('is quiet when the target holds across the horizon', () => {
    expect(findingsOf(latencyTargetMissed, growing({ instances: { min: 1, max: 40 } }, target('200ms')))).toEqual([]);
  });
});

describe('capacity/over-budget', () => {
  const budget = (monthly: number) => ({ system: { name: 'S', constraints: { budget: { monthly, currency: 'EUR' } } } });

  it('reports the first month the needed instances cost more than the budget', () => {
    const design = growing({}, budget(450));
    const report = analyseCapacity(designOf(design));
    const findings = findingsOf(overBudget, design);
    expect(findings.map((f) => f.id)).toEqual(['capacity/over-budget@system']);
    const month = report.growth.overBudgetMonth!;
    expect(findings[0].evidence).toMatchObject({ month, cost: report.growth.cost[month], budget: 450, currency: 'EUR', largestCost: expect.stringMatching(/^api/) });
    expect(report.growth.cost[month - 1]).toBeLessThanOrEqual(450);
  });

  it('is quiet within budget, and without one', () => {
    expect(findingsOf(overBudget, growing({}, budget(1_000_000)))).toEqual([]);
    expect(findingsOf(overBudget, growing())).toEqual([]);
  });
});

describe('capacity/hot-component-not-isolated', () => {
  /** A busy front end and a slow report service sharing one runtime; the report service sees under 5% of requests. */
  const shared = (reporter: Record<string, unknown> = {}) => ({
    components: [
      { id: 'web', kind: 'service', serviceTime: '1ms', concurrency: 50, instances: { min: 2, max: 10 }, runtime: 'vm-pool' },
      { id: 'reporter', kind: 'service', serviceTime: '200ms', concurrency: 1, instances: { min: 1, max: 20 }, runtime: 'vm-pool', ...reporter },
    ],
    links: [{ from: 'web', to: 'reporter', protocol: 'grpc' }],
    workloads: [
      { id: 'browse', rate: '1000/s', path: ['web'] },
      { id: 'report', rate: '50/s', path: ['web', 'reporter'] },
    ],
  });

  it('reports a component the numbers say must scale while it shares a runtime', () => {
    const findings = findingsOf(hotComponentNotIsolated, shared());
    expect(findings.map((f) => f.id)).toEqual(['capacity/hot-component-not-isolated@reporter#runtime:vm-pool']);
    expect(findings[0].evidence).toMatchObject({ component: 'reporter', month: 0, instancesNeeded: Math.ceil((50 * 0.2) / 0.7), instancesMin: 1, runtime: 'vm-pool' });
    expect(findings[0].message).toMatch(/reporter needs 15 instances .* shares runtime vm-pool with web/);
  });

  it('reports one that cannot scale out', () => {
    const findings = findingsOf(hotComponentNotIsolated, shared({ runtime: undefined, instances: 1, stateful: true }));
    expect(findings.map((f) => f.id)).toEqual(['capacity/hot-component-not-isolated@reporter#scale-out']);
  });

  it('is quiet for an isolated component, and for one whose load needs no more instances', () => {
    expect(findingsOf(hotComponentNotIsolated, shared({ runtime: 'reports-only' }))).toEqual([]);
    expect(findingsOf(hotComponentNotIsolated, shared({ serviceTime: '1ms' }))).toEqual([]);
  });

  it('leaves components with a large share of the requests to scalability/hot-shared-resource (no duplicate)', () => {
    const design = shared();
    design.workloads = [{ id: 'report', rate: '50/s', path: ['web', 'reporter'] }];
    expect(findingsOf(hotComponentNotIsolated, design)).toEqual([]);
    expect(findingsOf(hotSharedResource, design).map((f) => f.id)).toContain('scalability/hot-shared-resource@reporter#runtime:vm-pool');
  });
});

describe('the capacity pack', () => {
  it('reports saturation, a missed target and the budget together on one design', () => {
    const findings = findingsOf(capacityRules, growing({}, {
      system: { name: 'S', constraints: { budget: { monthly: 300, currency: 'EUR' } } },
      requirements: [{ id: 'R1', kind: 'quality', text: 'Fast.', target: { workload: 'w', latencyP99: '60ms' } }],
    }));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['capacity/saturates-within-horizon', 'capacity/latency-target-missed', 'capacity/over-budget']));
  });
});
