/**
 * The lazy locator must agree with a real YAML parser's node ranges: for every
 * path of randomly generated documents, in block, flow and mixed styles and as
 * JSON, the offset it finds is where the `yaml` library says the key or item starts.
 */
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

import { Locator } from '../../src/model/locate.js';

type Path = (string | number)[];

/** Where the yaml library says each path's key (maps) or item (sequences) starts. */
function expectedOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: YamlNode | null | undefined, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const childPath = [...path, key];
        if (!out.has(JSON.stringify(childPath))) out.set(JSON.stringify(childPath), pair.key.range![0]);
        walk(pair.value as YamlNode, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const childPath = [...path, i];
        out.set(JSON.stringify(childPath), (item as YamlNode).range![0]);
        walk(item as YamlNode, childPath);
      });
    }
  };
  walk(parseDocument(text).contents as YamlNode, []);
  return out;
}

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/);
const scalar = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 ,.:#/'"-]{0,20}$/),
  fc.string({ maxLength: 12 }),
);
const { doc } = fc.letrec((tie) => ({
  doc: fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 5 }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('doc'), fc.array(tie('value'), { maxLength: 4 })),
}));

function bothParsersAgree(text: string): boolean {
  try {
    return JSON.stringify(parseDocument(text).toJS()) === JSON.stringify(jsYaml.load(text));
  } catch {
    return false;
  }
}

function checkAll(text: string) {
  // js-yaml's flow dumper can write scalars (`A:,"` in a flow map) that YAML
  // parsers read differently; only texts both parsers agree on test the locator.
  fc.pre(bothParsersAgree(text));
  const locator = new Locator(text);
  for (const [path, offset] of expectedOffsets(text)) {
    expect({ path, offset: locator.offsetOf(JSON.parse(path)) }).toEqual({ path, offset });
  }
}

describe('Locator', () => {
  it('agrees with the yaml library on block-style documents', () => {
    fc.assert(fc.property(doc, fc.constantFrom(2, 4), (d, indent) => checkAll(jsYaml.dump(d, { indent, lineWidth: -1 }))), { numRuns: 300 });
  });

  it('agrees on flow and mixed styles', () => {
    fc.assert(fc.property(doc, fc.constantFrom(0, 1, 2), (d, flowLevel) => checkAll(jsYaml.dump(d, { flowLevel, lineWidth: -1 }))), { numRuns: 300 });
  });

  it('agrees on JSON, compact and indented', () => {
    fc.assert(fc.property(doc, fc.constantFrom(0, 2), (d, space) => checkAll(JSON.stringify(d, null, space))), { numRuns: 300 });
  });

  it('agrees on hand-written YAML with comments, anchors, quotes and block scalars', () => {
    const text = [
      '# a comment',
      '%YAML 1.2',
      '---',
      'system:   # trailing comment',
      '  name: "quoted: name"',
      "  purpose: 'it''s here'",
      '  notes: |',
      '    text: that looks like a key',
      '    - and an item',
      '  after: 1',
      'components:',
      '- id: a',
      '  kind: service',
      '  defaults: &d { concurrency: 4, tags: [x, "y, z"] }',
      '-   id: b',
      '    kind: job',
      '- { id: c, kind: queue, "odd key": 3 }',
      '- - nested',
      '  - list',
      'links: [ { from: a, to: b }, { from: b,',
      '    to: c } ]',
    ].join('\n');
    const locator = new Locator(text);
    for (const [path, offset] of expectedOffsets(text)) expect({ path, offset: locator.offsetOf(JSON.parse(path)) }).toEqual({ path, offset });
  });

  it('never throws or loops on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.array(fc.oneof(key, fc.nat(5)), { maxLength: 4 }), (text, path) => {
      const offset = new Locator(text).offsetOf(path);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(text.length);
    }), { numRuns: 2000 });
    expect(new Locator('a: &x *x\nb: *x').offsetOf(['a', 'q'])).toBeGreaterThanOrEqual(0);
  });

  it('falls back to the deepest part it found for paths that do not exist', () => {
    const text = 'a:\n  b: 1\n';
    const locator = new Locator(text);
    expect(locator.offsetOf(['a', 'missing'])).toBe(text.indexOf('b'));
    expect(locator.offsetOf(['nothing'])).toBe(0);
  });
});
