import { describe, expect, it } from 'vitest';
import deepSyncChain from '../../src/rules/packs/simplicity/deep-sync-chain.js';
import passThroughService from '../../src/rules/packs/simplicity/pass-through-service.js';
import syncCycle from '../../src/rules/packs/simplicity/sync-cycle.js';
import unreachableComponent from '../../src/rules/packs/simplicity/unreachable-component.js';
import { findingsOf } from '../helpers.js';

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);
const services = (...names: string[]) => names.map((id) => ({ id, kind: 'service' }));
const chain = (...names: string[]) => names.slice(1).map((to, i) => ({ from: names[i], to, protocol: 'grpc' }));

describe('simplicity/sync-cycle', () => {
  it('reports each cycle once, on its smallest id, with the cycle as evidence', () => {
    const findings = findingsOf(syncCycle, {
      components: services('c', 'a', 'b', 'x', 'y', 'solo'),
      links: [...chain('c', 'a', 'b', 'c'), ...chain('y', 'x', 'y'), { from: 'solo', to: 'solo', protocol: 'grpc' }],
    });
    expect(ids(findings).sort()).toEqual(['simplicity/sync-cycle@a', 'simplicity/sync-cycle@solo', 'simplicity/sync-cycle@x']);
    const a = findings.find((f) => f.subject.id === 'a')!;
    expect(a.evidence).toEqual({ cycle: 'a → b → c → a', components: 3 });
  });

  it('ignores async links, and calls out of clients and third parties', () => {
    const findings = findingsOf(syncCycle, {
      components: [...services('api', 'worker'), { id: 'slack', kind: 'external' }, { id: 'web', kind: 'frontend' }],
      links: [
        { from: 'api', to: 'worker', protocol: 'kafka' },
        { from: 'worker', to: 'api', protocol: 'grpc' },
        { from: 'slack', to: 'api', protocol: 'https' },
        { from: 'api', to: 'slack', protocol: 'https' },
        { from: 'web', to: 'api', protocol: 'https' },
        { from: 'api', to: 'web', protocol: 'https' },
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('simplicity/deep-sync-chain', () => {
  const names = ['s0', 's1', 's2', 's3', 's4', 's5', 's6'];

  it('reports a chain deeper than maxDepth once, from where it starts, with the chain', () => {
    const findings = findingsOf(deepSyncChain, { components: services(...names), links: chain(...names) });
    expect(ids(findings)).toEqual(['simplicity/deep-sync-chain@s0']);
    expect(findings[0].evidence).toEqual({ depth: 6, maxDepth: 5, chain: 's0 → s1 → s2 → s3 → s4 → s5 → s6' });
  });

  it('takes the longest of branching paths and counts a cycle as one step', () => {
    const findings = findingsOf(deepSyncChain, {
      components: services('root', 'short', 'a', 'b', 'c', 'd'),
      links: [...chain('root', 'short'), ...chain('root', 'a', 'b', 'c', 'd'), { from: 'b', to: 'a', protocol: 'grpc' }],
      checks: { rules: { 'simplicity/deep-sync-chain': { options: { maxDepth: 2 } } } },
    });
    // root → {a,b} → c → d: three steps, the cycle a⇄b being one
    expect(findings.map((f) => f.evidence?.depth)).toEqual([3]);
    expect(String(findings[0].evidence?.chain)).toMatch(/^root → a → c → d$/);
  });

  it('elides very long chains in the evidence', () => {
    const long = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const [finding] = findingsOf(deepSyncChain, { components: services(...long), links: chain(...long) });
    expect(finding.evidence?.depth).toBe(29);
    expect(String(finding.evidence?.chain)).toMatch(/^n0 → n1 → .* → n11 → … \(18 more\)$/);
  });

  it('is quiet within the limit, and does not count a frontend calling in', () => {
    const five = names.slice(0, 6);
    const findings = findingsOf(deepSyncChain, {
      components: [{ id: 'web', kind: 'frontend' }, ...services(...five)],
      links: chain('web', ...five),
    });
    expect(findings).toEqual([]);
  });
});

describe('simplicity/unreachable-component', () => {
  it('reports a component no link, user or workload reaches', () => {
    const findings = findingsOf(unreachableComponent, {
      components: [...services('api', 'legacy'), { id: 'cron', kind: 'job' }, { id: 'vault', kind: 'secrets' }],
      users: [{ id: 'u', kind: 'end-user', uses: ['api'] }],
    });
    expect(ids(findings)).toEqual([
      'simplicity/unreachable-component@legacy',
      'simplicity/unreachable-component@cron',
      'simplicity/unreachable-component@vault',
    ]);
  });

  it('counts links in, users, workloads, secretsFrom, audit sinks, jobs with work, and leaves externals alone', () => {
    const findings = findingsOf(unreachableComponent, {
      components: [
        { id: 'api', kind: 'service', secretsFrom: 'vault', audit: { sink: 'audit-log' } },
        ...services('orders', 'batch-target'),
        { id: 'nightly', kind: 'job' },
        { id: 'vault', kind: 'secrets' },
        { id: 'audit-log', kind: 'log' },
        { id: 'stripe', kind: 'external' },
        { id: 'internal-tool', kind: 'service' },
      ],
      users: [{ id: 'u', kind: 'end-user', uses: ['api'] }],
      links: [{ from: 'api', to: 'orders', protocol: 'grpc' }, { from: 'nightly', to: 'batch-target', protocol: 'grpc' }],
      workloads: [{ id: 'w', rate: '1/s', path: ['internal-tool'] }],
    });
    expect(findings).toEqual([]);
  });
});

describe('simplicity/pass-through-service', () => {
  const requirements = [{ id: 'R1', kind: 'function', text: 'Serve.' }, { id: 'R2', kind: 'function', text: 'Other.' }];

  it('reports a service with one sync call in, one out, and nothing of its own', () => {
    const findings = findingsOf(passThroughService, {
      requirements,
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }, { id: 'proxy', kind: 'service', serves: ['R1'] }, { id: 'orders', kind: 'service' }],
      links: chain('api', 'proxy', 'orders'),
    });
    expect(ids(findings)).toEqual(['simplicity/pass-through-service@proxy']);
    expect(findings[0].evidence).toEqual({ from: 'api', to: 'orders', serves: 1 });
  });

  it('leaves alone services with their own requirement or data, adapters, async hops and fan-out', () => {
    const design = (proxy: Record<string, unknown>, links = chain('api', 'proxy', 'orders')) => ({
      requirements,
      data: [{ id: 'd' }],
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }, { id: 'proxy', kind: 'service', ...proxy }, ...services('orders', 'other')],
      links,
    });
    expect(findingsOf(passThroughService, design({ serves: ['R2'] }))).toEqual([]);
    expect(findingsOf(passThroughService, design({ uses: ['d'] }))).toEqual([]);
    expect(findingsOf(passThroughService, design({ adapterFor: 'orders' }))).toEqual([]);
    expect(findingsOf(passThroughService, design({}, [...chain('api', 'proxy'), { from: 'proxy', to: 'orders', protocol: 'kafka' }]))).toEqual([]);
    expect(findingsOf(passThroughService, design({}, [...chain('api', 'proxy', 'orders'), ...chain('proxy', 'other')]))).toEqual([]);
  });
});

describe('graph helpers on long chains', () => {
  it('condenses and measures a 100k-node chain without overflowing the stack', async () => {
    const { buildDigraph, stronglyConnected, longestChains, chainFrom } = await import('../../src/rules/graph.js');
    const n = 100_000;
    const idsList = Array.from({ length: n }, (_, i) => `n${i}`);
    const edges = idsList.slice(1).map((to, i) => [idsList[i], to] as const);
    const g = buildDigraph(idsList, [...edges, [idsList[n - 1], idsList[n - 2]] as const]);
    const scc = stronglyConnected(g);
    expect(scc.components.length).toBe(n - 1);
    expect(scc.cyclic.filter(Boolean).length).toBe(1);
    const chains = longestChains(g, scc);
    expect(chains.length[scc.componentOf[0]]).toBe(n - 2);
    expect(chainFrom(scc, chains, 0, 3).map((i) => g.ids[i])).toEqual(['n0', 'n1', 'n2']);
  });
});

describe('graph helpers', () => {
  it('finds a shortest cycle through a node and what a set of nodes reaches', async () => {
    const { buildDigraph, stronglyConnected, cycleThrough, reachableFrom } = await import('../../src/rules/graph.js');
    const g = buildDigraph(['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['b', 'a'], ['c', 'd'], ['x', 'a']]);
    const scc = stronglyConnected(g);
    expect(cycleThrough(g, scc, g.index.get('a')!).map((i) => g.ids[i])).toEqual(['a', 'b']);
    const seen = reachableFrom(g, [g.index.get('b')!]);
    expect(g.ids.filter((_, i) => seen[i])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('builds the call graph from links of one mode, or of every mode', async () => {
    const { callGraph } = await import('../../src/rules/graph.js');
    const { designOf } = await import('../helpers.js');
    const design = designOf({
      components: services('a', 'b', 'c'),
      existing: [{ id: 'crm' }],
      links: [{ from: 'a', to: 'b', protocol: 'grpc' }, { from: 'b', to: 'c', protocol: 'kafka' }, { from: 'c', to: 'crm', protocol: 'https' }],
    });
    const edges = (mode: 'sync' | 'async' | 'any') => {
      const g = callGraph(design, { mode });
      return g.out.flatMap((outs, v) => outs.map((w) => `${g.ids[v]}>${g.ids[w]}`));
    };
    expect(edges('sync')).toEqual(['a>b', 'c>crm']);
    expect(edges('async')).toEqual(['b>c']);
    expect(edges('any')).toEqual(['a>b', 'b>c', 'c>crm']);
  });
});
