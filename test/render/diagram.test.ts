import { describe, expect, it } from 'vitest';
import { buildView, toD2, toDot, toMermaid, toSvg, ViewError } from '../../src/render/index.js';
import { allRules, review } from '../../src/rules/index.js';
import { designOf, exampleDesign } from '../helpers.js';


const small = () => designOf({
  zones: [{ id: 'core', trust: 'internal' }, { id: 'edge', trust: 'low' }],
  users: [{ id: 'u', kind: 'end-user', uses: ['gw'] }],
  data: [{ id: 'pii', classification: ['personal'] }],
  components: [
    { id: 'gw', kind: 'gateway', zone: 'edge' },
    { id: 'api', kind: 'service', zone: 'core', name: '<script>alert("x")</script>' },
    { id: 'db', kind: 'datastore', zone: 'core' },
    { id: 'far', kind: 'service', zone: 'core' },
    { id: 'ext', kind: 'external' },
  ],
  links: [
    { from: 'gw', to: 'api', protocol: 'grpc', tls: 'mtls' },
    { from: 'api', to: 'db', protocol: 'sql', carries: ['pii'] },
    { from: 'db', to: 'far', protocol: 'sql', tls: 'tls' },
    { from: 'api', to: 'ext', protocol: 'https', tls: 'tls' },
  ],
  workloads: [{ id: 'w', rate: '10/s', path: ['gw', { api: { calls: 2 } }, 'db'] }],
});

describe('diagram views', () => {
  it('containers: every component, user and link of the example, grouped by zone', () => {
    const design = exampleDesign();
    const view = buildView(design, { view: 'containers' });
    const ids = view.nodes.map((n) => n.id);
    for (const c of design.components) expect(ids).toContain(c.id);
    for (const u of design.users) expect(ids).toContain(u.id);
    expect(view.edges.filter((e) => e.label !== 'uses')).toHaveLength(design.links.length);
    expect(view.clusters.map((c) => c.id).sort()).toEqual(['core', 'data', 'edge', 'internet']);
  });

  it('data flow labels links with the data and its classification and flags plaintext', () => {
    const view = buildView(small(), { view: 'dataflow' });
    const edge = view.edges.find((e) => e.from === 'api' && e.to === 'db')!;
    expect(edge.label).toContain('pii (personal)');
    expect(edge.encrypted).toBe(false);
    expect(edge.sensitive).toBe(true);
  });

  it('context shows users, one system and the external systems', () => {
    const view = buildView(small(), { view: 'context' });
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['__system', 'ext', 'u']);
    expect(view.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: '__system', to: 'ext' })]));
  });

  it('workload view follows the path with calls per request', () => {
    const view = buildView(small(), { view: 'workload', workload: 'w' });
    expect(view.nodes.map((n) => n.id)).toEqual(['gw', 'api', 'db']);
    expect(view.edges.map((e) => e.label)).toEqual(['2× per call (2 per request)', '1× per call (2 per request)']);
    expect(() => buildView(small(), { view: 'workload', workload: 'nope' })).toThrow(ViewError);
  });

  it('--focus keeps only the neighbourhood at the given depth', () => {
    const one = buildView(small(), { focus: 'db', depth: 1 });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['api', 'db', 'far']);
    const two = buildView(small(), { focus: 'db', depth: 2 });
    expect(two.nodes.map((n) => n.id).sort()).toEqual(['api', 'db', 'ext', 'far', 'gw']);
    expect(() => buildView(small(), { focus: 'missing' })).toThrow(ViewError);
  });

  it('marks elements with their worst open finding', () => {
    const design = exampleDesign();
    const findings = review(design, allRules).findings;
    const view = buildView(design, { findings });
    const withFindings = new Set(findings.filter((f) => f.status === 'open').map((f) => f.subject.id));
    for (const n of view.nodes) expect(n.severity !== undefined).toBe(withFindings.has(n.id));
  });
});

describe('diagram languages', () => {
  it('mermaid escapes names so they are never markup and keeps every node', () => {
    const out = toMermaid(buildView(small()));
    expect(out).not.toContain('<script>');
    expect(out).toContain('#60;script#62;');
    expect(out.match(/^\s+n\d+\[/gm)?.length ?? 0).toBeGreaterThan(0);
    expect(out).toContain('linkStyle');
  });

  it('dot quotes ids and labels and clusters zones', () => {
    const out = toDot(buildView(small()));
    expect(out).toContain('subgraph cluster_0');
    expect(out).toContain('"api" -> "db"');
    expect(out).toContain('\\"x\\"');
  });

  it('d2 nests zone members and dashes plaintext links', () => {
    const out = toD2(buildView(small(), { view: 'dataflow' }));
    expect(out).toMatch(/zone\d+\."api" -> zone\d+\."db": "sql · pii \(personal\) \(plaintext\)" \{ style\.stroke: "#c62828"; style\.stroke-dash: 4 \}/);
  });

  it('svg renders offline with every component of the example', async () => {
    const design = exampleDesign();
    const svg = await toSvg(buildView(design));
    expect(svg.startsWith('<svg')).toBe(true);
    // Graphviz writes some characters of titles as numeric entities (- as &#45;)
    const titles = (svg.match(/<title>[^<]*<\/title>/g) ?? []).map((t) => t.slice(7, -8).replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))));
    for (const c of design.components) expect(titles).toContain(c.id);
    expect(svg).not.toMatch(/(xlink:)?href="https?:/);
  });
});
