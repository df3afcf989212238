import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../src/history/index.js';
import { designOf, yamlOf, BASE } from '../helpers.js';

const base = {
  requirements: [
    { id: 'R1', kind: 'function', text: 'Route messages.' },
    { id: 'R2', kind: 'function', text: 'Keep profiles.' },
  ],
  zones: [{ id: 'core', trust: 'internal' }],
  components: [
    { id: 'api', kind: 'service', zone: 'core', serves: ['R1'], instances: { min: 2, max: 4 }, serviceTime: '4ms', exposes: [{ protocol: 'grpc', auth: 'mtls' }] },
    { id: 'db', kind: 'datastore', zone: 'core', serves: ['R2'] },
  ],
  links: [{ from: 'api', to: 'db', protocol: 'sql', tls: 'tls' }],
};

/** A diff with no rules and no capacity: only the element changes. */
const diffOf = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffDesigns(designOf(before), designOf(after), { rules: [], capacity: false });

const edit = (change: (d: typeof base) => void) => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('diffDesigns: elements', () => {
  it('finds nothing between a design and itself', () => {
    const diff = diffOf(base, base);
    expect(diff.elements).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.scopeCreep).toEqual([]);
  });

  it('reports added and removed elements by id, links by their id', () => {
    const after = edit((d) => {
      d.components.push({ id: 'cache', kind: 'cache', zone: 'core', serves: ['R1'] } as never);
      d.links = [{ from: 'api', to: 'cache', protocol: 'redis', tls: 'tls' }];
    });
    const diff = diffOf(base, after);
    expect(diff.elements.added.map((e) => `${e.section} ${e.id}`)).toEqual(['components cache', 'links api->cache']);
    expect(diff.elements.removed.map((e) => `${e.section} ${e.id}`)).toEqual(['links api->db']);
  });

  it('reports changed fields with nested paths, before and after', () => {
    const after = edit((d) => {
      d.components[0].instances.max = 12;
      d.components[0].exposes[0].auth = 'oauth2';
      d.components[0].serves = ['R1', 'R2'];
      delete (d.components[0] as Partial<(typeof d.components)[0]>).serviceTime;
      (d.components[1] as Record<string, unknown>).encryptedAtRest = true;
    });
    const diff = diffOf(base, after);
    expect(diff.elements.added).toEqual([]);
    const api = diff.elements.changed.find((e) => e.id === 'api')!;
    expect(api.fields).toEqual([
      { path: 'serves', before: ['R1'], after: ['R1', 'R2'] },
      { path: 'exposes[0].auth', before: 'mtls', after: 'oauth2' },
      { path: 'instances.max', before: 4, after: 12 },
      { path: 'serviceTime', before: '4ms' },
    ]);
    const db = diff.elements.changed.find((e) => e.id === 'db')!;
    expect(db.fields).toEqual([{ path: 'encryptedAtRest', after: true }]);
  });

  it('changes a link in place while its id stays, and replaces it when the id changes', () => {
    const retuned = diffOf(base, edit((d) => { d.links[0].tls = 'mtls'; }));
    expect(retuned.elements.changed.map((e) => [e.id, e.fields])).toEqual([['api->db', [{ path: 'tls', before: 'tls', after: 'mtls' }]]]);

    const renamed = diffOf(base, edit((d) => { (d.links[0] as Record<string, unknown>).id = 'api-reads-db'; }));
    expect(renamed.elements.added.map((e) => e.id)).toEqual(['api-reads-db']);
    expect(renamed.elements.removed.map((e) => e.id)).toEqual(['api->db']);
  });

  it('ignores where an element was written and fields derived from it', () => {
    // The same design, elements in another order, split over an included file.
    const entry = yamlOf({ ...BASE, include: ['parts.yaml'], requirements: [...base.requirements].reverse(), zones: base.zones });
    const moved = designOf(entry, { 'parts.yaml': yamlOf({ links: base.links, components: [...base.components].reverse() }) });
    const diff = diffDesigns(designOf(base), moved, { rules: [], capacity: false });
    expect(diff.elements.changed).toEqual([]);
    expect(diff.elements.added).toEqual([]);
    expect(diff.elements.removed).toEqual([]);
  });

  it('compares the system, checks and scope as elements of their own', () => {
    const after = { ...base, system: { ...BASE.system, name: 'Renamed' }, checks: { rules: { 'requirements/unserved-requirement': 'off' } } };
    const diff = diffOf(base, after);
    expect(diff.elements.changed.map((e) => [e.id, e.fields.map((f) => f.path)])).toEqual([['system', ['name']]]);
    expect(diff.elements.added.map((e) => e.id)).toEqual(['checks']);
  });

  it('lists requirements added and dropped with their text', () => {
    const after = edit((d) => {
      d.requirements = [d.requirements[0], { id: 'R3', kind: 'quality', text: 'Answer fast.' }];
      d.components[1].serves = [];
    });
    const diff = diffOf(base, after);
    expect(diff.requirements.added).toEqual([{ id: 'R3', kind: 'quality', text: 'Answer fast.' }]);
    expect(diff.requirements.dropped).toEqual([{ id: 'R2', kind: 'function', text: 'Keep profiles.' }]);
  });
});
