/**
 * Fuzzing the loader: for any input, loadDesign returns a design or structured,
 * located errors, and never throws. Run counts are bounded to keep the suite fast.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { DesignError } from '../../src/model/errors.js';
import { loadDesign, type LoadResult } from '../../src/model/load.js';
import { memoryHost } from '../helpers.js';

const CODES = new Set<DesignError['code']>([
  'io', 'empty', 'binary', 'too-large', 'syntax', 'alias-bomb', 'schema', 'unit', 'unknown-id',
  'duplicate-id', 'include-cycle', 'include-missing', 'contract-missing',
]);

/** Every file of the bundled example (designs and the contracts they name), by path relative to its folder. */
const EXAMPLE_DIR = new URL('../../examples/bot-platform/', import.meta.url);
const EXAMPLE: Record<string, string> = Object.fromEntries(
  readdirSync(EXAMPLE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(fileURLToPath(EXAMPLE_DIR), path).split(sep).join('/'), readFileSync(path, 'utf8')];
    }),
);
const DESIGN_FILES = Object.keys(EXAMPLE).filter((f) => f.endsWith('.yaml') && !f.startsWith('contracts/'));

/** The property every load must satisfy. */
function expectWellFormed(result: LoadResult, files: Record<string, string | Uint8Array>): void {
  if (result.design) {
    expect(result.errors).toEqual([]);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(CODES.has(error.code), error.code).toBe(true);
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    const { file, line, column } = error.location;
    expect(typeof file).toBe('string');
    expect(Number.isInteger(line) && line >= 1, `line ${line}`).toBe(true);
    expect(Number.isInteger(column) && column >= 1, `column ${column}`).toBe(true);
    const content = files[file];
    // Within the file, counting line breaks as YAML does.
    if (typeof content === 'string') expect(line).toBeLessThanOrEqual(content.split(/\r\n|\r|\n/).length);
  }
}

function loadFiles(files: Record<string, string | Uint8Array>, entry = 'archwright.yaml'): void {
  expectWellFormed(loadDesign(entry, memoryHost(files)), files);
}

/** Text with a bias towards YAML's own punctuation, so parsing gets past the first character. */
const yamlish = fc.array(
  fc.oneof(
    fc.constantFrom(':', ' ', '\n', '  ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a', '*a', '!!', '|', '>', '?', '%', '@', '`', '\t', '\r\n', '---', '...'),
    fc.constantFrom('archwright: 1', 'system:', 'name: S', 'components:', 'id: api', 'kind: service', 'include: [x.yaml]', 'links:', 'from: api', 'to: db', 'serviceTime: 4ms', 'rate: 10/s'),
    fc.string({ maxLength: 8 }),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(''));

describe('loadDesign never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => loadFiles({ 'archwright.yaml': text })), { numRuns: 300 });
  });

  it('on YAML-flavoured text', () => {
    fc.assert(fc.property(yamlish, (text) => loadFiles({ 'archwright.yaml': text })), { numRuns: 400 });
  });

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => loadFiles({ 'archwright.yaml': bytes })), { numRuns: 300 });
  });

  it('on arbitrary JSON-like values, as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        loadFiles({ 'archwright.yaml': yaml.dump(value) });
        loadFiles({ 'design.json': JSON.stringify(value) }, 'design.json');
      }),
      { numRuns: 300 },
    );
  });

  it('on design-shaped documents with random fields, ids, units and references', () => {
    const id = fc.constantFrom('api', 'db', 'gateway', 'R1', 'R2', 'users', 'w', 'z', 'api ', '', 'a->b');
    const value = fc.oneof(
      id, fc.constantFrom('4ms', '1200/s', '12%', '12%/month', '24 months', '90d', 'fast', '-1s', '0/s', '1e400/s'),
      fc.integer({ min: -5, max: 1e6 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(id, { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const field = fc.constantFrom(
      'id', 'kind', 'text', 'from', 'to', 'protocol', 'serves', 'stores', 'uses', 'zone', 'carries', 'rate', 'users', 'path',
      'serviceTime', 'capacity', 'instances', 'concurrency', 'growth', 'horizon', 'peakFactor', 'trust', 'classification',
      'retention', 'target', 'status', 'finding', 'by', 'why', 'until', 'about', 'supersededBy', 'title', 'exposes', 'contract',
    );
    const element = fc.dictionary(field, value, { maxKeys: 6 });
    const section = fc.constantFrom('users', 'requirements', 'data', 'zones', 'components', 'links', 'workloads', 'existing', 'decisions', 'risks');
    const doc = fc.record({
      archwright: fc.constantFrom(1, 1, 2, '1'),
      system: fc.oneof(fc.record({ name: fc.string() }), fc.jsonValue({ maxDepth: 2 })),
      sections: fc.dictionary(section, fc.array(element, { maxLength: 4 }), { maxKeys: 5 }),
      checks: fc.option(fc.record({ rules: fc.dictionary(fc.string(), fc.constantFrom('off', 'error', 'loud')) }), { nil: undefined }),
    }).map(({ sections, checks, ...rest }) => ({ ...rest, ...sections, ...(checks ? { checks } : {}) }));
    fc.assert(fc.property(doc, (d) => loadFiles({ 'archwright.yaml': yaml.dump(d) })), { numRuns: 400 });
  });

  it('on includes that point anywhere, cycles and missing files included', () => {
    const name = fc.constantFrom('a.yaml', 'b.yaml', 'c.yaml', 'missing.yaml', '*.yaml', '../a.yaml', 'sub/../b.yaml');
    const files = fc.tuple(fc.array(name, { maxLength: 3 }), fc.array(name, { maxLength: 3 }), fc.array(name, { maxLength: 3 }));
    fc.assert(
      fc.property(files, ([a, b, c]) => {
        loadFiles({
          'archwright.yaml': yaml.dump({ archwright: 1, system: { name: 'S' }, include: a }),
          'a.yaml': yaml.dump({ include: b, components: [{ id: 'api', kind: 'service' }] }),
          'b.yaml': yaml.dump({ include: c }),
          'c.yaml': yaml.dump({ include: a, components: [{ id: 'api', kind: 'service' }] }),
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('mutations of the bundled example', () => {
  it('loads unmutated, as the baseline', () => {
    const result = loadDesign('archwright.yaml', memoryHost(EXAMPLE));
    expect(result.errors).toEqual([]);
    expect(result.design).toBeDefined();
  });

  const fileName = fc.constantFrom(...DESIGN_FILES);
  const textMutation = fc.oneof(
    fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('replace-char' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('\n  ', ': ', '- ', '&x ', '*x', '\t', '"')) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  );

  function mutateText(text: string, m: Mutation): string {
    const lines = text.split('\n');
    const line = (n: number) => n % lines.length;
    switch (m.op) {
      case 'delete-line': lines.splice(line(m.at), 1); return lines.join('\n');
      case 'duplicate-line': lines.splice(line(m.at), 0, lines[line(m.at)]); return lines.join('\n');
      case 'swap-lines': [lines[line(m.at)], lines[line(m.to)]] = [lines[line(m.to)], lines[line(m.at)]]; return lines.join('\n');
      case 'replace-char': { const i = m.at % text.length; return text.slice(0, i) + m.text + text.slice(i + 1); }
      case 'insert': { const i = m.at % (text.length + 1); return text.slice(0, i) + m.text + text.slice(i); }
      case 'truncate': return text.slice(0, m.at % (text.length + 1));
    }
  }
  type Mutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

  it('after random edits to the text of any of its files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fileName, textMutation), { minLength: 1, maxLength: 4 }), (edits) => {
        const files: Record<string, string> = { ...EXAMPLE };
        for (const [file, m] of edits) files[file] = mutateText(files[file], m);
        loadFiles(files);
      }),
      { numRuns: 300 },
    );
  });

  it('after setting a random path of its documents to a random value', () => {
    const docs = Object.fromEntries(DESIGN_FILES.map((f) => [f, yaml.load(EXAMPLE[f], { schema: yaml.CORE_SCHEMA })]));
    fc.assert(
      fc.property(fileName, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), (file, steps, value) => {
        const doc = structuredClone(docs[file]) as Record<string, unknown>;
        let node: unknown = doc;
        for (let i = 0; i < steps.length; i++) {
          if (node === null || typeof node !== 'object') break;
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[steps[i] % keys.length];
          if (i === steps.length - 1) (node as Record<string, unknown>)[key] = value;
          else node = (node as Record<string, unknown>)[key];
        }
        loadFiles({ ...EXAMPLE, [file]: yaml.dump(doc) });
      }),
      { numRuns: 300 },
    );
  });
});
