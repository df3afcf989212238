/** The design → capacity model: loads from path trees, queues per component, latency, growth and cost. */
import { describe, expect, it } from 'vitest';
import { analyseCapacity } from '../../src/capacity/analyse.js';
import { md1 } from '../../src/capacity/general.js';
import { mmck } from '../../src/capacity/finite.js';
import { mmc, mmcResponsePercentile } from '../../src/capacity/markovian.js';
import { mva } from '../../src/capacity/mva.js';
import { designOf } from '../helpers.js';

const svc = (id: string, serviceTime: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'service', serviceTime, concurrency: 1, instances: 1, ...extra });

describe('components no workload visits', () => {
  // idle stations share one solved queue per kind: those that differ only in concurrency, queue limit,
  // instances or variability must each get their own
  const design = designOf({
    components: [
      svc('busy', '5ms'),
      svc('idle1', '5ms', { concurrency: 2, instances: 3 }),
      svc('idle2', '5ms', { concurrency: 4, instances: 3 }),
      svc('idle3', '5ms', { concurrency: 2, instances: 3, queueLimit: 5 }),
      svc('idle4', '5ms', { concurrency: 2, instances: 3, serviceTimeDistribution: 'constant' }),
      svc('idle5', '5ms', { concurrency: 2, instances: 5 }),
      svc('idle6', '5ms', { concurrency: 2, instances: 3 }),
    ],
    workloads: [{ id: 'w', rate: '10/s', path: ['busy'] }],
  });
  const report = analyseCapacity(design);
  const byId = (id: string) => report.components.find((c) => c.id === id)!;

  it('are each the queue they are, with no load', () => {
    expect(['idle1', 'idle2', 'idle3', 'idle4', 'idle5', 'idle6'].map((id) => [byId(id).servers, byId(id).model, byId(id).arrivalRate]))
      .toEqual([[6, 'M/M/c', 0], [12, 'M/M/c', 0], [6, 'M/M/c/K', 0], [6, 'M/G/c', 0], [10, 'M/M/c', 0], [6, 'M/M/c', 0]]);
    expect(byId('idle6').residence).toBeCloseTo(0.005, 12);
    expect(byId('busy').arrivalRate).toBeCloseTo(10, 12);
  });
});

describe('loads and queues', () => {
  const design = designOf({
    components: [svc('a', '10ms', { instances: 4 }), svc('b', '2ms', { concurrency: 8, instances: 2 }), svc('c', '1ms', { instances: 3 }), { id: 'ext', kind: 'external' }],
    links: [{ from: 'a', to: 'b', protocol: 'grpc' }, { from: 'b', to: 'c', protocol: 'grpc' }, { from: 'a', to: 'ext', protocol: 'https' }],
    workloads: [{ id: 'w', rate: '50/s', peakFactor: 2, path: ['a', { b: { calls: 3 } }, 'c'] }],
  });
  const report = analyseCapacity(design);
  const byId = (id: string) => report.components.find((c) => c.id === id)!;

  it('gives each component the rate × peak factor × visits of the path tree', () => {
    expect(byId('a').arrivalRate).toBeCloseTo(100, 12);
    expect(byId('b').arrivalRate).toBeCloseTo(300, 12);
    expect(byId('c').arrivalRate).toBeCloseTo(300, 12);
  });

  it('makes each component an M/M/c queue with instances × concurrency servers', () => {
    const b = byId('b');
    expect(b.servers).toBe(16);
    expect(b.model).toBe('M/M/c');
    const exact = mmc(300, 1 / 0.002, 16);
    expect(b.utilisation).toBeCloseTo(exact.utilisation, 12);
    expect(b.residence).toBeCloseTo(exact.meanResponse, 12);
    expect(b.queueingDelay).toBeCloseTo(exact.meanWait, 12);
  });

  it('adds up the synchronous path for the mean, visits included', () => {
    const w = report.workloads[0];
    const expected = byId('a').residence! + 3 * byId('b').residence! + 3 * byId('c').residence!;
    expect(w.latency.mean).toBeCloseTo(expected, 12);
    expect(w.latency.method).toBe('gamma-fit');
    expect(w.latency.p99).toBeGreaterThan(w.latency.p95);
    expect(w.latency.p95).toBeGreaterThan(w.latency.mean);
    expect(w.bottleneck?.component).toBe('a'); // 100/s × 10ms on 4 servers: 25%
  });

  it('leaves components without a service time out, and says so when a path waits on one', () => {
    expect(byId('ext').modelled).toBe(false);
    expect(report.workloads[0].unmodelledOnPath).toEqual([]);
    const onPath = analyseCapacity(designOf({
      components: [svc('a', '10ms'), { id: 'ext', kind: 'external' }],
      links: [{ from: 'a', to: 'ext', protocol: 'https' }],
      workloads: [{ id: 'w', rate: '1/s', path: ['a', 'ext'] }],
    }));
    expect(onPath.workloads[0].unmodelledOnPath).toEqual(['ext']);
    expect(onPath.notes.join(' ')).toMatch(/no delay counted: ext/);
  });
});

describe('latency along a path', () => {
  it('is exact for one M/M/c component visited once', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '20ms', { concurrency: 4, instances: 2 })],
      workloads: [{ id: 'w', rate: '300/s', path: ['api'] }],
    }));
    const w = report.workloads[0];
    expect(w.latency.method).toBe('exact');
    expect(w.latency.p99).toBeCloseTo(mmcResponsePercentile(mmc(300, 50, 8), 0.99), 9);
  });

  it('leaves asynchronous steps (async: true, or a queue protocol) out of the latency but not out of the load', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '5ms', { instances: 2 }), svc('worker', '50ms', { instances: 10 }), svc('mailer', '30ms', { instances: 10 }), svc('db', '1ms', { instances: 2 })],
      links: [{ from: 'api', to: 'worker', protocol: 'kafka' }, { from: 'api', to: 'db', protocol: 'sql' }],
      workloads: [{ id: 'w', rate: '10/s', path: ['api', { worker: { then: ['mailer'] } }] }, { id: 'v', rate: '10/s', path: ['api', { db: { async: true } }] }],
    }));
    const [w, v] = report.workloads;
    const api = report.components.find((c) => c.id === 'api')!;
    expect(w.latency.mean).toBeCloseTo(api.residence!, 12);
    expect(v.latency.mean).toBeCloseTo(api.residence!, 12);
    expect(report.components.find((c) => c.id === 'mailer')!.arrivalRate).toBeCloseTo(10, 12);
    expect(report.components.find((c) => c.id === 'db')!.arrivalRate).toBeCloseTo(10, 12);
  });

  it('uses Pollaczek–Khinchine for a constant service time on one server', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '10ms', { serviceTimeDistribution: 'constant' })],
      workloads: [{ id: 'w', rate: '60/s', path: ['api'] }],
    }));
    expect(report.components[0].model).toBe('M/G/c');
    expect(report.components[0].residence).toBeCloseTo(md1(60, 0.01).meanResponse, 12);
  });

  it('uses M/M/c/K where a queue limit is stated, with drops', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '10ms', { concurrency: 2, instances: 1, queueLimit: 3 })],
      workloads: [{ id: 'w', rate: '250/s', path: ['api'] }],
    }));
    const c = report.components[0];
    const exact = mmck(250, 100, 2, 5);
    expect(c.model).toBe('M/M/c/K');
    expect(c.dropProbability).toBeCloseTo(exact.probLoss, 12);
    expect(report.workloads[0].dropProbability).toBeCloseTo(exact.probLoss, 12);
    expect(c.saturated).toBe(true); // 125% offered: it survives only by dropping
  });
});

describe('closed workloads', () => {
  it('solves users + think time by exact MVA', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '100ms'), svc('db', '40ms')],
      workloads: [{ id: 'staff', users: 10, thinkTime: '1s', path: ['api', 'db'] }],
    }));
    const exact = mva(10, [{ demand: 0.1 }, { demand: 0.04 }], 1);
    const w = report.workloads[0];
    expect(w.kind).toBe('closed');
    expect(w.closedMethod).toBe('exact-mva');
    expect(w.rate).toBeCloseTo(exact.throughput, 12);
    expect(w.latency.mean).toBeCloseTo(exact.responseTime, 12);
    expect(report.components[0].arrivalRate).toBeCloseTo(exact.throughput, 12);
  });

  it('slows down when open load shares its station', () => {
    const alone = analyseCapacity(designOf({
      components: [svc('api', '100ms')],
      workloads: [{ id: 'staff', users: 5, thinkTime: '2s', path: ['api'] }],
    }));
    const shared = analyseCapacity(designOf({
      components: [svc('api', '100ms')],
      workloads: [{ id: 'staff', users: 5, thinkTime: '2s', path: ['api'] }, { id: 'web', rate: '4/s', path: ['api'] }],
    }));
    expect(shared.workloads[0].latency.mean).toBeGreaterThan(alone.workloads[0].latency.mean);
    expect(shared.components[0].arrivalRate).toBeCloseTo(4 + shared.workloads[0].rate, 12);
  });

  it('gets nowhere when open load alone saturates a station it waits at', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '100ms'), svc('db', '10ms')],
      workloads: [{ id: 'staff', users: 5, thinkTime: '2s', path: ['api'] }, { id: 'batch', users: 2, thinkTime: '1s', path: ['db'] }, { id: 'web', rate: '12/s', path: ['api'] }],
    }));
    const [staff, batch] = report.workloads;
    expect(staff.rate).toBe(0);
    expect(staff.latency.mean).toBe(Infinity);
    expect(batch.rate).toBeGreaterThan(0);
    expect(Number.isFinite(batch.latency.mean)).toBe(true);
  });

  it('solves several closed workloads sharing components with multi-class MVA', () => {
    const report = analyseCapacity(designOf({
      components: [svc('api', '50ms'), svc('db', '20ms')],
      workloads: [{ id: 'a', users: 4, thinkTime: '1s', path: ['api', 'db'] }, { id: 'b', users: 3, thinkTime: '2s', path: ['db'] }],
    }));
    expect(report.workloads.map((w) => w.closedMethod)).toEqual(['exact-mva-seidmann', 'exact-mva-seidmann']);
    for (const [i, users, think] of [[0, 4, 1], [1, 3, 2]] as const) {
      const w = report.workloads[i];
      expect(w.rate * (think + w.latency.mean)).toBeCloseTo(users, 9); // Little's law over the user's cycle
    }
  });
});

describe('growth, saturation and cost', () => {
  const growing = (extra: Record<string, unknown> = {}) => designOf({
    system: { name: 'S', constraints: { budget: { monthly: 1000, currency: 'EUR' } } },
    components: [svc('api', '10ms', { instances: { min: 1, max: 4 }, cost: { perInstanceMonthly: 100, fixedMonthly: 50 } }), svc('idle', '1ms', { instances: 2, cost: { perInstanceMonthly: 10 } })],
    workloads: [{ id: 'w', rate: '100/s', growth: '10%/month', horizon: '24 months', path: ['api'] }],
    ...extra,
  });

  it('finds the month a component outgrows its maximum and the month it saturates there', () => {
    const g = analyseCapacity(growing()).growth.components.find((c) => c.id === 'api')!;
    // 100·1.1^m req/s × 10ms on 4 servers: over 70% when 1.1^m > 2.8, at 100% when 1.1^m ≥ 4
    expect(g.outgrowsMonth).toBe(Math.ceil(Math.log(2.8) / Math.log(1.1)));
    expect(g.saturatesMonth).toBe(Math.ceil(Math.log(4) / Math.log(1.1)));
    g.instancesNeeded.forEach((n, m) => expect(n).toBe(Math.max(1, Math.ceil((100 * 1.1 ** m * 0.01) / 0.7 - 1e-9))));
    expect(g.utilisationAtMax[12]).toBeCloseTo((100 * 1.1 ** 12 * 0.01) / 4, 12);
  });

  it('costs the instances the load needs, plus fixed costs, against the budget', () => {
    const report = analyseCapacity(growing());
    const { growth } = report;
    const api = growth.components.find((c) => c.id === 'api')!;
    growth.months.forEach((m) => expect(growth.cost[m]).toBe(api.instancesNeeded[m] * 100 + 50 + 2 * 10));
    expect(growth.overBudgetMonth).toBe(growth.months.find((m) => growth.cost[m] > 1000));
    expect(growth.cappedCost.every((c, m) => c <= growth.cost[m])).toBe(true);
  });

  it('holds a workload level after its own horizon and follows the target utilisation', () => {
    const design = growing({ capacity: { targetUtilisation: '50%' } });
    const report = analyseCapacity(design);
    expect(report.targetUtilisation).toBe(0.5);
    expect(report.growth.components[0].instancesNeeded[0]).toBe(Math.ceil(1 / 0.5));
    expect(analyseCapacity(design, { targetUtilisation: 0.9 }).targetUtilisation).toBe(0.9);
    const beyond = analyseCapacity(design, { month: 30 });
    expect(beyond.workloads[0].rate).toBeCloseTo(100 * 1.1 ** 24, 9);
  });

  it('reports a chosen month with the instances an autoscaler would run there', () => {
    const report = analyseCapacity(growing(), { month: 8 });
    const api = report.components.find((c) => c.id === 'api')!;
    expect(api.arrivalRate).toBeCloseTo(100 * 1.1 ** 8, 9);
    expect(api.instances).toBe(Math.min(4, Math.ceil((100 * 1.1 ** 8 * 0.01) / 0.7)));
  });

  it('does not scale a component that says scalesOut: false', () => {
    const report = analyseCapacity(designOf({
      components: [svc('leader', '10ms', { instances: { min: 1, max: 8 }, scalesOut: false })],
      workloads: [{ id: 'w', rate: '90/s', path: ['leader'] }],
    }));
    expect(report.components[0].instancesMax).toBe(1);
    expect(report.components[0].instances).toBe(1);
  });

  it('checks latency targets now and month by month', () => {
    const design = growing({
      requirements: [{ id: 'R1', kind: 'quality', text: 'Fast.', target: { workload: 'w', latencyP99: '60ms', latencyMean: '1s' } }],
    });
    const report = analyseCapacity(design);
    const p99 = report.targets.find((t) => t.metric === 'p99')!;
    expect(p99.met).toBe(true);
    expect(p99.predicted).toBeCloseTo(report.workloads[0].latency.p99, 12);
    expect(p99.firstMissedMonth).toBeGreaterThan(0);
    const before = analyseCapacity(design, { month: p99.firstMissedMonth! - 1 }).workloads[0].latency.p99;
    const at = analyseCapacity(design, { month: p99.firstMissedMonth! }).workloads[0].latency.p99;
    expect(before).toBeLessThanOrEqual(0.06);
    expect(at).toBeGreaterThan(0.06);
    expect(p99.predictedAtMiss).toBeCloseTo(at, 12);
    const mean = report.targets.find((t) => t.metric === 'mean')!;
    expect(mean.firstMissedMonth).toBe(analyseCapacity(design).growth.components[0].saturatesMonth);
  });
});

describe('latency targets of closed workloads', () => {
  it('follow the same month-by-month solution as the month tables', () => {
    const design = designOf({
      components: [
        { id: 'api', kind: 'service', serviceTime: '20ms', concurrency: 2, instances: { min: 1, max: 3 } },
        { id: 'db', kind: 'datastore', serviceTime: '5ms', concurrency: 4, instances: 1 },
      ],
      workloads: [
        { id: 'staff', users: 30, thinkTime: '1s', growth: '15%/month', horizon: '24 months', path: ['api', 'db'] },
        { id: 'web', rate: '40/s', growth: '15%/month', horizon: '24 months', path: ['api'] },
      ],
      requirements: [
        { id: 'R1', kind: 'quality', text: 'Staff screens are quick.', target: { workload: 'staff', latencyMean: '60ms' } },
        { id: 'R2', kind: 'quality', text: 'Web is quick.', target: { workload: 'web', latencyP95: '150ms' } },
      ],
    });
    const report = analyseCapacity(design);
    for (const t of report.targets) {
      expect(t.firstMissedMonth, t.requirement).toBeDefined();
      const i = report.workloads.findIndex((w) => w.id === t.workload);
      const at = analyseCapacity(design, { month: t.firstMissedMonth! }).workloads[i];
      const value = (w: typeof at) => (t.metric === 'mean' ? w.latency.mean : w.latency[t.metric as 'p95']);
      expect(t.predictedAtMiss).toBeCloseTo(value(at), 12);
      expect(value(at)).toBeGreaterThan(t.target);
      expect(t.firstMissedMonth).toBeGreaterThan(0);
      const before = analyseCapacity(design, { month: t.firstMissedMonth! - 1 }).workloads[i];
      expect(value(before)).toBeLessThanOrEqual(t.target);
    }
  });
});

describe('designs at the edges', () => {
  it('analyses odd but valid designs without throwing', () => {
    const report = analyseCapacity(designOf({
      components: [
        { id: 'ext', kind: 'external' },
        { id: 'api', kind: 'service', serviceTime: '5ms', concurrency: 4, instances: { min: 1, max: 3 }, queueLimit: 0 },
      ],
      workloads: [
        { id: 'bots', users: 20, path: ['ext'] },
        { id: 'quiet', rate: '0/s', path: ['api'] },
        { id: 'shrinking', rate: '100/s', growth: '-10%/month', horizon: '6 months', path: ['api'] },
      ],
    }));
    const [bots, quiet, shrinking] = report.workloads;
    expect(bots.rate).toBe(0);
    expect(bots.latency.mean).toBe(0);
    expect(quiet.latency.mean).toBeCloseTo(0.005, 12);
    expect(Number.isFinite(shrinking.latency.p99)).toBe(true);
    expect(report.growth.load[2].values[6]).toBeCloseTo(100 * 0.9 ** 6, 9);
    expect(report.components.find((c) => c.id === 'api')!.model).toBe('M/M/c/K');
  });
});
