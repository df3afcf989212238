/**
 * The loader's fast path (ajv validators compiled from the JSON Schema zod
 * generates) must agree with zod: the same verdict on every document, and for
 * valid ones the same data once defaults are filled.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../src/model/generated/validators.js';
import { DesignSchema } from '../../src/model/schema.js';
import { validatorSource } from '../../src/model/schema-artifacts.js';
import { generateDesign } from '../../bench/generate.js';
import { loadDesign, loadPlainDesign } from '../../src/model/load.js';
import { memoryHost } from '../helpers.js';
import { nodeHost } from '../../src/io/node-host.js';

/** JSON with sorted keys: zod writes keys in schema order, ajv keeps the document's. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

function agree(doc: unknown) {
  const zod = DesignSchema.safeParse(structuredClone(doc));
  const copy = structuredClone(doc) as { components?: { instances?: { min?: number } }[] };
  const fast = validateDesign(copy);
  expect(fast, JSON.stringify(zod.success ? null : zod.error.issues[0])).toBe(zod.success);
  if (fast && zod.success) {
    for (const c of copy.components ?? []) if (c.instances && typeof c.instances === 'object' && c.instances.min === undefined) c.instances.min = 1;
    expect(canonical(copy)).toBe(canonical(zod.data));
  }
}

const example = yaml.load(readFileSync('examples/bot-platform/archwright.yaml', 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
for (const file of ['data.yaml', 'operations.yaml']) {
  const part = yaml.load(readFileSync(`examples/bot-platform/${file}`, 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown[]>;
  for (const [key, list] of Object.entries(part)) if (Array.isArray(list)) example[key] = [...((example[key] as unknown[]) ?? []), ...list];
}
delete example.include;

/** Every path to a value in a document. */
function pathsOf(doc: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      const path = [...prefix, Array.isArray(doc) ? Number(k) : k];
      out.push(path);
      pathsOf(v, path, out);
    }
  }
  return out;
}
const examplePaths = pathsOf(example);

const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -3, max: 70 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null),
  fc.constantFrom('4ms', '1200/s', '12%', '12%/month', '24 months', 'grpc', 'service', 'personal', 'tls', 'x y'), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), fc.constant({}));

describe('the generated validators', () => {
  it('are what the zod schema generates now (run npm run schema after changing it)', () => {
    expect(readFileSync('src/model/generated/validators.ts', 'utf8')).toBe(validatorSource());
  });

  it('agree with zod on the bundled example and a generated large design', () => {
    agree(example);
    agree(yaml.load(generateDesign(200), { schema: yaml.CORE_SCHEMA }));
  });

  it('agree with zod when any value of the example is replaced, removed or a field is added', () => {
    fc.assert(fc.property(fc.nat(examplePaths.length - 1), value, fc.constantFrom('set', 'delete', 'add'), (i, v, op) => {
      const doc = structuredClone(example);
      const path = examplePaths[i];
      let parent = doc as Record<string | number, unknown>;
      for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
      const last = path[path.length - 1];
      if (op === 'set') parent[last] = v;
      else if (op === 'delete') delete parent[last];
      else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>).extraField = v;
      agree(doc);
    }), { numRuns: 1500 });
  });

  it('leave documents with anchors to zod, so aliased elements are copied', () => {
    const text = 'archwright: 1\nsystem: { name: S }\ncomponents:\n  - &a { id: a, kind: service }\n';
    const result = loadDesign('d.yaml', memoryHost({ 'd.yaml': text }));
    expect(result.errors).toEqual([]);
    expect(result.design!.components[0].serves).toEqual([]);
  });

  it('load a design without zod when every document passes them, and leave the rest to loadDesign', () => {
    const plain = loadPlainDesign('examples/bot-platform/archwright.yaml', nodeHost);
    const full = loadDesign('examples/bot-platform/archwright.yaml', nodeHost);
    expect(plain?.errors).toEqual([]);
    expect(canonical(plain!.design!.components)).toBe(canonical(full.design!.components));
    expect(canonical(plain!.design!.links)).toBe(canonical(full.design!.links));

    const misspelt = { 'd.yaml': 'archwright: 1\nsystem: { name: S }\ncomponents:\n  - { id: api, kind: servce }\n' };
    expect(loadPlainDesign('d.yaml', memoryHost(misspelt))).toBeUndefined();
    expect(loadDesign('d.yaml', memoryHost(misspelt)).errors[0].hint).toBe('did you mean "service"?');
    const anchored = { 'd.yaml': 'archwright: 1\nsystem: { name: S }\ncomponents:\n  - &a { id: a, kind: service }\n' };
    expect(loadPlainDesign('d.yaml', memoryHost(anchored))).toBeUndefined();
    // what is not a schema matter (here a missing include) is reported without zod
    const missing = { 'd.yaml': 'archwright: 1\ninclude: [gone.yaml]\nsystem: { name: S }\n' };
    expect(loadPlainDesign('d.yaml', memoryHost(missing))?.errors.map((e) => e.code)).toEqual(['include-missing']);
  });
});
