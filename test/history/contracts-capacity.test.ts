import { describe, expect, it } from 'vitest';
import { diffDesigns, diffFormatters, trippedGates } from '../../src/history/index.js';
import { designOf, yamlOf } from '../helpers.js';

const openapi = (paths: Record<string, unknown>) => yamlOf({
  openapi: '3.0.3',
  info: { title: 'Users', version: '1' },
  paths,
});
const ok = { responses: { 200: { description: 'ok' } } };
const usersV1 = openapi({ '/users/{id}': { get: { ...ok, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } }, '/users': { post: ok } });
const usersV2 = openapi({ '/users': { post: ok } });

const withContract = {
  requirements: [{ id: 'R1', kind: 'function', text: 'Profiles.' }],
  components: [
    { id: 'users', kind: 'service', serves: ['R1'], exposes: [{ protocol: 'https', contract: 'users.openapi.yaml' }] },
    { id: 'web', kind: 'service', serves: ['R1'] },
    { id: 'admin', kind: 'service', serves: ['R1'] },
  ],
  links: [
    { from: 'web', to: 'users', protocol: 'https', uses: ['GET /users/{id}'] },
    { from: 'admin', to: 'users', protocol: 'https', uses: ['POST /users'] },
  ],
};

describe('diffDesigns: contract changes', () => {
  it('reports a changed contract with its breaking changes and only the consumers that use what broke', () => {
    const before = designOf(withContract, { 'users.openapi.yaml': usersV1 });
    const after = designOf(withContract, { 'users.openapi.yaml': usersV2 });
    const diff = diffDesigns(before, after, { rules: [], capacity: false });
    expect(diff.contracts).toHaveLength(1);
    const [change] = diff.contracts;
    expect(change).toMatchObject({ file: 'users.openapi.yaml', status: 'changed', referencedBy: ['component users'] });
    const breaking = change.changes!.filter((c) => c.severity === 'breaking');
    expect(breaking.length).toBeGreaterThan(0);
    expect(breaking.every((c) => c.consumers.length === 1 && c.consumers[0] === 'web->users')).toBe(true);
    expect(trippedGates(diff, ['breaking'])).toEqual([{ gate: 'breaking', reason: `${breaking.length} breaking contract change${breaking.length === 1 ? '' : 's'}` }]);

    const md = diffFormatters.markdown({ diff });
    const section = md.slice(md.indexOf('#### Breaking contract changes'));
    expect(section).toContain('`users.openapi.yaml` (component users)');
    expect(section).toContain('breaks `web->users`');
    expect(section).not.toContain('admin->users');
  });

  it('says nothing about a contract whose text did not change', () => {
    const before = designOf(withContract, { 'users.openapi.yaml': usersV1 });
    const after = designOf(withContract, { 'users.openapi.yaml': usersV1 });
    expect(diffDesigns(before, after, { rules: [], capacity: false }).contracts).toEqual([]);
  });
});

describe('diffDesigns: capacity delta', () => {
  const design = (serviceTime: string) => ({
    requirements: [{ id: 'R1', kind: 'function', text: 'Serve.' }],
    components: [
      { id: 'api', kind: 'service', serves: ['R1'], instances: { min: 2, max: 4 }, concurrency: 8, serviceTime, cost: { perInstanceMonthly: 100 } },
    ],
    workloads: [{ id: 'main', rate: '500/s', growth: '20%/month', horizon: '24 months', path: ['api'] }],
  });

  it('compares saturation month, p99 and monthly cost before and after', () => {
    const diff = diffDesigns(designOf(design('4ms')), designOf(design('12ms')), { rules: [] });
    const { before, after } = diff.capacity!;
    expect(Object.keys(before.p99Seconds)).toEqual(['main']);
    expect(after.p99Seconds.main).toBeGreaterThan(before.p99Seconds.main);
    // Three times the work per request saturates the same instances sooner and needs more of them.
    expect(before.saturationMonth).not.toBeNull();
    expect(after.saturationMonth!).toBeLessThan(before.saturationMonth!);
    expect(after.monthlyCost).toBeGreaterThanOrEqual(before.monthlyCost);
  });

  it('has no capacity delta for designs without workloads', () => {
    const noLoad = { components: [{ id: 'api', kind: 'service' }] };
    expect(diffDesigns(designOf(noLoad), designOf(noLoad), { rules: [] }).capacity).toBeUndefined();
  });
});
