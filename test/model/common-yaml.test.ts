/**
 * The common-YAML reader must read whatever it accepts exactly as js-yaml
 * does (same values, same key order), and give up on everything else,
 * including every text js-yaml refuses. Compared on the files we ship, on
 * documents js-yaml writes in many styles, on text built from YAML's own
 * punctuation, and on single-character mutations of a real design.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readCommonYaml } from '../../src/model/common-yaml.js';
import { Locator } from '../../src/model/locate.js';
import { resolvePlain } from '../../src/model/source.js';
// @ts-expect-error plain JavaScript module of the benchmarks
import { generateDesign } from '../../bench/generate.js';

const SCHEMA = yaml.CORE_SCHEMA.extend([(yaml as unknown as { types: { merge: yaml.Type } }).types.merge]);

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

function jsYaml(text: string): Outcome {
  try {
    return { ok: true, value: yaml.load(text, { schema: SCHEMA }) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** Same values and the same key order: what JSON output and iteration would show. */
function sameTree(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** How many texts the reader accepted, so that a property is seen to test reading and not only giving up. */
let accepted = 0;

/** The property: given up on, or read as js-yaml reads it (which must then accept the text). */
function agrees(text: string): boolean {
  const fast = readCommonYaml(text, resolvePlain)?.doc;
  if (fast === undefined) return true;
  accepted++;
  const reference = jsYaml(text);
  if (!reference.ok) throw new Error(`accepted a text js-yaml refuses (${reference.reason}):\n${text}`);
  if (!sameTree(fast, reference.value)) throw new Error(`read differently from js-yaml:\n${text}\n${JSON.stringify(fast)}\n${JSON.stringify(reference.value)}`);
  return true;
}

/** Compares the locator given the reader's places with one that scans, on every path two levels deep; how many were compared. */
function sameLocations(text: string): number {
  const read = readCommonYaml(text, resolvePlain);
  if (!read) return 0;
  const hinted = new Locator(text, read.known);
  const scanning = new Locator(text);
  const paths: (string | number)[][] = [];
  for (const [section, value] of Object.entries(read.doc)) {
    paths.push([section]);
    if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = Array.isArray(value) ? Number(key) : key;
        paths.push([section, at]);
        if (item && typeof item === 'object') for (const inner of Object.keys(item)) paths.push([section, at, Array.isArray(item) ? Number(inner) : inner]);
      }
    }
  }
  for (const path of paths) {
    if (hinted.offsetOf(path) !== scanning.offsetOf(path)) throw new Error(`${path.join('.')} located differently:\n${text}`);
  }
  return paths.length;
}

/** Checks 3,000 texts made from `base` by removing up to three characters and inserting one of `inserts`; how many the reader accepted. */
function editsAgree(base: string, inserts: string[]): number {
  const edit = fc.record({ at: fc.nat({ max: base.length - 1 }), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...inserts) });
  accepted = 0;
  fc.assert(fc.property(edit, ({ at, remove, insert }) => {
    const text = base.slice(0, at) + insert + base.slice(at + remove);
    sameLocations(text);
    return agrees(text);
  }), { numRuns: 3000 });
  return accepted;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('common-YAML reader', () => {
  it('reads the designs we ship as js-yaml does, without giving up on them', () => {
    const designs = yamlFilesUnder('examples').filter((f) => !f.includes('/contracts/'));
    expect(designs.length).toBeGreaterThan(3);
    for (const file of designs) {
      const text = readFileSync(file, 'utf8');
      expect(readCommonYaml(text, resolvePlain), file).toBeDefined();
      expect(agrees(text), file).toBe(true);
    }
  });

  it('reads every YAML file in the repository as js-yaml does, or gives up', () => {
    for (const file of [...yamlFilesUnder('examples'), ...yamlFilesUnder('test'), ...yamlFilesUnder('docs')]) {
      expect(agrees(readFileSync(file, 'utf8')), file).toBe(true);
    }
  });

  it('reads the generated benchmark design as js-yaml does', () => {
    const text = generateDesign(300) as string;
    expect(readCommonYaml(text, resolvePlain)).toBeDefined();
    expect(agrees(text)).toBe(true);
  });

  it('knows where each top-level field and list item starts, as the locator finds it by scanning', () => {
    for (const text of [generateDesign(200) as string, readFileSync(join(ROOT, 'examples/bot-platform/archwright.yaml'), 'utf8')]) {
      expect(sameLocations(text)).toBeGreaterThan(100);
    }
  });

  it('resolves plain scalars as js-yaml does (null, booleans, numbers, text)', () => {
    const words = ['~', 'null', 'Null', 'NULL', 'nul', 'true', 'True', 'TRUE', 'tRUE', 'false', 'no', 'yes', 'on', 'off', 'y', 'n',
      '0', '-0', '+1', '007', '0o17', '0x1F', '0b101', '1_000', '1.5', '-.5', '1e3', '1.0e+3', '.inf', '-.Inf', '.NaN', '.nan',
      '2024-01-01', '12:30', '123456789012345', '1234567890123456', '9007199254740993', '00', '0.5', '5.', '1e', '0x', '0xG', '1ms', '4ms', '1200/s', '12%/month', '5%', 'c0', 'end-user', 'v1.2', '0.0.0.0', '1,000', '-', '-x', 'x-'];
    for (const word of words) {
      const text = `a: ${word}\nb: [${word}]\n${word.startsWith('-') ? 'k' : word}: 1\n`;
      expect(agrees(text), word).toBe(true);
    }
    const numberish = fc.stringMatching(/^[-+.0-9]?[0-9a-fA-FxXoObB._+eEnNiIsm%/ ]{0,12}$/).filter((w) => w.trim() === w && w !== '');
    fc.assert(fc.property(numberish, (word) => agrees(`a: ${word}\nb: [${word}]\n`)), { numRuns: 3000 });
  });

  it('reads literal and folded block scalars as js-yaml does', () => {
    const texts = [
      'a: |\n  one\n  two\nb: 1\n', 'a: |-\n  one\n\n  two\n\n\nb: 1\n', 'a: |+\n  one\n\n\nb: 1\n', 'a: >\n  one\n  two\n\n  three\n',
      'a: >-\n  one\n  two\n', 'a: >+\n  one\n\n', 'a:\n- |\n  x\n- >\n   y\n   z\n', 'a:\n  - b: |\n      deep\n      text # not a comment\n    c: 1\n',
      'a: |\n  text\n    more indented\n  back\n', 'a: | # comment\n  x\n', 'a: |\r\n  x\r\n  y\r\nb: 2\r\n', 'a: |\n  no final newline',
      'a: |\n  x\n   \n  y\n', 'a: >\n  x\n  \n  y\n',
    ];
    for (const text of texts) {
      expect(readCommonYaml(text, resolvePlain), JSON.stringify(text)).toBeDefined();
      expect(agrees(text), text).toBe(true);
    }
  });

  it('gives up on what it does not take: anchors, tags, indented or empty-led block scalars, multi-line values, duplicates', () => {
    const outside = [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |2\n   text\n', 'a: >\n  text\n    more\n', 'a: |\n\n  text\n', 'a: one\n  two\n', 'a: [1,\n  2]\n',
      'a: 1\na: 2\n', '<<: {a: 1}\n', 'a:\tb\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', '? a\n: b\n',
      '- a\n- b\n', 'a: "two\n  lines"\n', '__proto__: 1\n', 'a: b: c\n', '  a: 1\n',
    ];
    for (const text of outside) expect(readCommonYaml(text, resolvePlain), JSON.stringify(text)).toBeUndefined();
  });

  it('reads documents js-yaml writes, in many styles, as js-yaml reads them', () => {
    const key = fc.oneof(
      fc.constantFrom('id', 'kind', 'from', 'to', 'uses', 'a b', 'x:y', 'k#1', '1', 'null', 'true', 'é', '-k', "it's", 'say "hi"'),
      fc.string({ maxLength: 6 }),
    );
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', ' ', 'a: b', 'a #b', 'a#b', '- x', '[x]', '{x}', 'null', 'true', '0x1F', '1e3', '.inf', 'x\ny', 'tab\tin', '\u0085', 'emoji 🎉', "'", '"', '\\'),
      fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).node;
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 0, 1, 2, 3),
      indent: fc.constantFrom(1, 2, 4),
      noArrayIndent: fc.boolean(),
      quotingType: fc.constantFrom("'", '"') as fc.Arbitrary<"'" | '"'>,
      forceQuotes: fc.boolean(),
      lineWidth: fc.constantFrom(-1, 20, 80),
    });
    accepted = 0;
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, (doc, options) => {
      const text = yaml.dump(doc, { ...options, schema: SCHEMA });
      sameLocations(text);
      return agrees(text);
    }), { numRuns: 1500 });
    expect(accepted).toBeGreaterThan(500);
  });

  it('never accepts or misreads text made of YAML punctuation', () => {
    const piece = fc.constantFrom(
      'a', 'b', 'id', 'c1', '1', '-1', '0x1F', '.5', 'null', 'true', '~', '<<', '__proto__', 'é', 'x y',
      ':', ': ', ' ', '  ', '    ', '\n', '\n  ', '\n    ', '\n- ', '- ', '-', '[', ']', '{', '}', ', ', ',', '"', "'", '\\', '\\n', '\\x4', '\\u00e9',
      ' #', '#', '&a ', '*a', '!!str ', '|', '>', '? ', '%', '@', '`', '\t', '\r\n', '\r', '---', '...', '\u0085', '\u2028', '\ufeff', '\u0000',
    );
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    const keyed = fc.tuple(fc.constantFrom('a: ', 'a:\n  ', 'a:\n- ', 'a:\n  - ', 'a: [', 'a: {'), text).map(([head, rest]) => head + rest);
    accepted = 0;
    fc.assert(fc.property(fc.oneof(text, keyed), agrees), { numRuns: 8000 });
    expect(accepted).toBeGreaterThan(200);
  });

  it('never accepts or misreads a design with block scalars with one character changed', () => {
    const base = [
      'archwright: 1', 'system:', '  name: S', '  purpose: >-', '    Folded over', '    two lines.', 'decisions:',
      '  - id: D1', '    title: Use a queue', '    status: accepted', '    context: |', '      Line one.', '', '      Line two: a colon.',
      '        indented # not a comment', '    decision: >', '      Folded', '      text.', '', '', '  - id: D2', '    title: T',
      '    status: proposed', '    consequences: |+', '      kept', '', 'risks: []', '',
    ].join('\n');
    expect(readCommonYaml(base, resolvePlain)).toBeDefined();
    expect(editsAgree(base, ['', ' ', '  ', '\n', '\n\n', ':', '-', '- ', '#', ' #', '|', '>', '|-', '>+', '2', 'x'])).toBeGreaterThan(900);
  });

  it('never accepts or misreads a real design with one character changed', () => {
    const base = readFileSync(join(ROOT, 'examples/bot-platform/archwright.yaml'), 'utf8');
    const inserts = ['', ' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a', '*a', '!', '|', '>', '\t', 'x'];
    expect(editsAgree(base, inserts)).toBeGreaterThan(900);
  });
});
