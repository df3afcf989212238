import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/model/load.js';
import { nodeHost, toDesignPath } from '../../src/io/node-host.js';
import { review } from '../../src/rules/engine.js';
import { scalabilityRules } from '../../src/rules/packs/scalability/index.js';
import hotSharedResource from '../../src/rules/packs/scalability/hot-shared-resource.js';
import { arrivalRate, hotComponents, loadShares } from '../../src/rules/packs/scalability/load-share.js';
import sharedDatabaseWriters from '../../src/rules/packs/scalability/shared-database-writers.js';
import singleInstanceOnPath from '../../src/rules/packs/scalability/single-instance-on-path.js';
import statefulCannotScaleOut from '../../src/rules/packs/scalability/stateful-cannot-scale-out.js';
import syncFanOut from '../../src/rules/packs/scalability/sync-fan-out.js';
import { designOf, findingsOf } from '../helpers.js';

type Doc = Record<string, unknown> & {
  components: Record<string, unknown>[];
  links: Record<string, unknown>[];
  workloads: Record<string, unknown>[];
};

/** Two workloads; every service isolated, replicated and stateless. */
function sound(): Doc {
  return {
    data: [{ id: 'orders', classification: ['internal'] }, { id: 'stock', classification: ['internal'] }],
    components: [
      { id: 'gateway', kind: 'gateway', instances: { min: 2, max: 8 } },
      { id: 'orders-api', kind: 'service', instances: { min: 2, max: 8 } },
      { id: 'orders-db', kind: 'datastore', stores: ['orders'], instances: 2 },
      { id: 'stock-api', kind: 'service', instances: { min: 2, max: 4 } },
      { id: 'stock-db', kind: 'datastore', stores: ['stock'], instances: 2 },
      { id: 'reports', kind: 'job', instances: 1 },
    ],
    links: [
      { from: 'gateway', to: 'orders-api', protocol: 'grpc' },
      { from: 'gateway', to: 'stock-api', protocol: 'grpc' },
      { from: 'orders-api', to: 'orders-db', protocol: 'sql', carries: ['orders'] },
      { from: 'orders-api', to: 'stock-api', protocol: 'grpc' },
      { from: 'stock-api', to: 'stock-db', protocol: 'sql', carries: ['stock'] },
    ],
    workloads: [
      { id: 'order', rate: '900/s', path: ['gateway', 'orders-api', { 'stock-api': { then: ['stock-db'] } }] },
      { id: 'browse', rate: '100/s', path: ['gateway', 'stock-api', 'stock-db'] },
    ],
  };
}

function withDesign(change: (d: Doc) => void): Doc {
  const d = sound();
  change(d);
  return d;
}

const byId = (d: Doc, id: string) => d.components.find((c) => c.id === id)!;
const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('load shares', () => {
  it('sums rate × visits over workloads and divides by the total arrival rate', () => {
    const design = designOf(withDesign((d) => {
      d.workloads[0].path = ['gateway', { 'orders-api': { calls: 2 } }, 'orders-db'];
    }));
    const shares = loadShares(design.workloads);
    expect(shares.totalRate).toBe(1000);
    expect(shares.byComponent.get('gateway')).toMatchObject({ rate: 1000, share: 1 });
    expect(shares.byComponent.get('orders-api')).toMatchObject({ rate: 1800, share: 1.8 });
    expect(shares.byComponent.get('stock-api')).toMatchObject({ rate: 100, share: 0.1 });
    expect(shares.byComponent.get('stock-api')!.byWorkload.get('browse')).toBe(100);
    expect([...hotComponents(shares, 0.5).keys()].sort()).toEqual(['gateway', 'orders-api', 'orders-db']);
  });

  it('estimates a closed workload as users / think time', () => {
    expect(arrivalRate({ users: 600, thinkTimeSeconds: 3 })).toBe(200);
    expect(arrivalRate({ ratePerSecond: 5, users: 600 })).toBe(5);
  });
});

describe('scalability pack on a sound design', () => {
  it('reports nothing', () => {
    expect(findingsOf(scalabilityRules, sound())).toEqual([]);
  });
});

describe('scalability/hot-shared-resource', () => {
  it('reports a hot component sharing its datastore and its runtime', () => {
    const findings = findingsOf(hotSharedResource, withDesign((d) => {
      d.links.push({ from: 'stock-api', to: 'orders-db', protocol: 'sql', carries: ['orders'] });
      byId(d, 'orders-api').runtime = 'shared-k8s';
      byId(d, 'reports').runtime = 'shared-k8s';
    }));
    expect(ids(findings).sort()).toEqual([
      'scalability/hot-shared-resource@orders-api#orders-db',
      'scalability/hot-shared-resource@orders-api#runtime:shared-k8s',
      'scalability/hot-shared-resource@stock-api#orders-db',
    ]);
  });

  it('is quiet when the component sharing a store is cold', () => {
    const findings = findingsOf(hotSharedResource, withDesign((d) => {
      d.workloads.pop();
      d.workloads[0].path = ['gateway', 'orders-api', 'orders-db'];
      d.links.push({ from: 'reports', to: 'stock-db', protocol: 'sql', access: 'read', carries: ['stock'] });
    }));
    expect(findings).toEqual([]);
  });
});

describe('scalability/single-instance-on-path', () => {
  it('reports a single instance on the path and one reached synchronously from it', () => {
    const findings = findingsOf(singleInstanceOnPath, withDesign((d) => {
      byId(d, 'stock-api').instances = 1;
      d.components.push({ id: 'pricing', kind: 'service', instances: 1 });
      d.links.push({ from: 'orders-api', to: 'pricing', protocol: 'grpc' });
    }));
    expect(ids(findings).sort()).toEqual(['scalability/single-instance-on-path@pricing', 'scalability/single-instance-on-path@stock-api']);
    expect(findings.find((f) => f.id.endsWith('@pricing'))!.evidence).toMatchObject({ via: 'orders-api' });
  });

  it('reports an unstated instance count once as a gap, and ignores asynchronous consumers', () => {
    const findings = findingsOf(singleInstanceOnPath, withDesign((d) => {
      delete byId(d, 'orders-db').instances;
      d.components.push({ id: 'events', kind: 'queue', instances: 3 }, { id: 'mailer', kind: 'job', instances: 1 });
      d.links.push({ from: 'orders-api', to: 'events', protocol: 'kafka' }, { from: 'events', to: 'mailer', protocol: 'kafka' });
    }));
    expect(ids(findings)).toEqual(['scalability/single-instance-on-path@orders-db#instances']);
    expect(findings[0].message).toContain('not stated: add `instances`');
  });
});

describe('scalability/sync-fan-out', () => {
  it('reports repeated synchronous calls and many synchronous callees from a hot component', () => {
    const findings = findingsOf(syncFanOut, withDesign((d) => {
      d.components.push({ id: 'a', kind: 'service', instances: 2 }, { id: 'b', kind: 'service', instances: 2 });
      d.workloads[0].path = ['gateway', { 'orders-api': { then: [{ 'stock-api': { calls: 3 } }, 'a', 'b'] } }];
    }));
    expect(ids(findings)).toEqual([
      'scalability/sync-fan-out@order#orders-api',
      'scalability/sync-fan-out@order#orders-api->stock-api',
    ]);
  });

  it('reports fan-out on the busiest workload even when no component carries half the traffic', () => {
    const findings = findingsOf(syncFanOut, withDesign((d) => {
      d.components.push({ id: 'audit', kind: 'service', instances: 2 }, { id: 'audit-db', kind: 'datastore', instances: 2 });
      d.workloads[0].rate = '300/s';
      d.workloads[1].rate = '250/s';
      d.workloads.push({ id: 'auditing', rate: '320/s', path: ['audit', { 'audit-db': { calls: 2 } }] });
    }));
    expect(ids(findings)).toEqual(['scalability/sync-fan-out@auditing#audit->audit-db']);
  });

  it('accepts asynchronous fan-out and fan-out from a cold component', () => {
    const findings = findingsOf(syncFanOut, withDesign((d) => {
      d.workloads[0].path = ['gateway', { 'orders-api': { then: [{ 'stock-api': { calls: 3, async: true } }] } }];
      d.workloads.push({ id: 'nightly', rate: '1/s', path: ['reports', { 'orders-db': { calls: 50 } }] });
    }));
    expect(findings).toEqual([]);
  });
});

describe('scalability/shared-database-writers', () => {
  it('reports a datastore written by several components', () => {
    const findings = findingsOf(sharedDatabaseWriters, withDesign((d) => {
      d.links.push({ from: 'stock-api', to: 'orders-db', protocol: 'sql', carries: ['orders'] });
    }));
    expect(ids(findings)).toEqual(['scalability/shared-database-writers@orders-db']);
    expect(findings[0].evidence).toMatchObject({ writers: 2 });
  });

  it('does not count readers that say access: read', () => {
    const findings = findingsOf(sharedDatabaseWriters, withDesign((d) => {
      d.links.push({ from: 'reports', to: 'orders-db', protocol: 'sql', access: 'read', carries: ['orders'] });
    }));
    expect(findings).toEqual([]);
  });
});

describe('scalability/stateful-cannot-scale-out', () => {
  it('reports a stateful service planned for several instances or on the hot path', () => {
    const findings = findingsOf(statefulCannotScaleOut, withDesign((d) => {
      byId(d, 'orders-api').stateful = true;
      Object.assign(byId(d, 'gateway'), { scalesOut: false, instances: 1 });
    }));
    expect(ids(findings).sort()).toEqual(['scalability/stateful-cannot-scale-out@gateway', 'scalability/stateful-cannot-scale-out@orders-api']);
  });

  it('accepts stateful components that scale out, and single cold singletons', () => {
    const findings = findingsOf(statefulCannotScaleOut, withDesign((d) => {
      Object.assign(byId(d, 'orders-api'), { stateful: true, scalesOut: true });
      Object.assign(byId(d, 'reports'), { scalesOut: false });
    }));
    expect(findings).toEqual([]);
  });
});

describe('scalability pack on the bundled example', () => {
  it('finds the single-instance recommendation engine and the shared transcript store', () => {
    const loaded = loadDesign(toDesignPath('examples/bot-platform/archwright.yaml'), nodeHost);
    const found = new Set(review(loaded.design!, scalabilityRules).findings.map((f) => f.id));
    expect(found).toContain('scalability/single-instance-on-path@recommendation-engine');
    expect(found).toContain('scalability/shared-database-writers@transcript-store');
    expect(found).toContain('scalability/sync-fan-out@inbound#bot-engine->user-service');
  });
});
