/** Every kind of unusable input, end to end: a located message on stderr, exit 2, no stack trace. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, hasStackTrace, run, tempDir } from './run.js';

const HEAD = 'archwright: 1\nsystem: { name: S }\n';

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  args?: string[];
  /** The whole first error line: file:line:column: message. */
  expected: RegExp;
}

const cases: Case[] = [
  {
    name: 'a YAML syntax error',
    files: { 'd.yaml': `${HEAD}components:\n  - id: a\n   kind: service\n` },
    expected: /^error d\.yaml:5:4: YAML syntax error: bad indentation/,
  },
  {
    name: 'a wrong type (path, expected, found)',
    files: { 'd.yaml': `${HEAD}components: none\n` },
    expected: /^error d\.yaml:3:1: components: expected a list, found "none"$/,
  },
  {
    name: 'a number where a unit is needed',
    files: { 'd.yaml': `${HEAD}workloads:\n  - { id: w, rate: 100/s, growth: 12, path: [api] }\n` },
    expected: /^error d\.yaml:4:27: workloads\[0\]\.growth: expected text, found 12 \(a quantity needs its unit/,
  },
  {
    name: 'a misspelt enum value',
    files: { 'd.yaml': `${HEAD}components:\n  - { id: api, kind: servce }\n` },
    expected: /^error d\.yaml:4:16: components\[0\]\.kind: expected one of .*found "servce" \(did you mean "service"\?\)$/,
  },
  {
    name: 'an unknown field',
    files: { 'd.yaml': `${HEAD}components:\n  - { id: api, kind: service, servs: [R1] }\n` },
    expected: /^error d\.yaml:4:\d+: components\[0\]: unknown field "servs" \(did you mean "serves"\?\)$/,
  },
  {
    name: 'an unknown id',
    files: { 'd.yaml': `${HEAD}components:\n  - { id: gateway, kind: gateway }\n  - { id: api, kind: service }\nlinks:\n  - { from: gatewy, to: api, protocol: https }\n` },
    expected: /^error d\.yaml:7:7: unknown component "gatewy" \(did you mean "gateway"\?\)$/,
  },
  {
    name: 'a duplicate id',
    files: { 'd.yaml': `${HEAD}components:\n  - { id: api, kind: gateway }\n  - { id: api, kind: service }\n` },
    expected: /^error d\.yaml:5:7: duplicate id "api": already used at d\.yaml:4:7/,
  },
  {
    name: 'an include cycle',
    files: { 'd.yaml': `${HEAD}include: [b.yaml]\n`, 'b.yaml': 'include: [d.yaml]\n' },
    expected: /^error b\.yaml:1:11: include cycle: d\.yaml → b\.yaml → d\.yaml$/,
  },
  {
    name: 'a missing include file',
    files: { 'd.yaml': `${HEAD}include: [parts/missing.yaml]\n` },
    expected: /^error d\.yaml:3:11: included file not found: parts\/missing\.yaml$/,
  },
  {
    name: 'an include glob that matches nothing',
    files: { 'd.yaml': `${HEAD}include: ["parts/*.yaml"]\n` },
    expected: /^error d\.yaml:3:11: include "parts\/\*\.yaml" matches no file$/,
  },
  {
    name: 'a bad unit',
    files: { 'd.yaml': `${HEAD}components:\n  - { id: api, kind: service, serviceTime: 4 parsecs }\n` },
    expected: /^error d\.yaml:4:31: components\[0\]\.serviceTime: expected a duration such as 4ms, 2s, 90d, found "4 parsecs"$/,
  },
  {
    name: 'an empty file',
    files: { 'd.yaml': '' },
    expected: /^error d\.yaml:1:1: d\.yaml is empty \(run archwright init to start a design\)$/,
  },
  {
    name: 'a file of only comments',
    files: { 'd.yaml': '# nothing yet\n\n' },
    expected: /^error d\.yaml:1:1: d\.yaml is empty/,
  },
  {
    name: 'a binary file',
    files: { 'd.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) },
    expected: /^error d\.yaml:1:1: d\.yaml is a binary file, not YAML or JSON$/,
  },
  {
    name: 'text that is not UTF-8',
    files: { 'd.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) },
    expected: /^error d\.yaml:1:1: d\.yaml is not valid UTF-8 text$/,
  },
  {
    name: 'a YAML alias bomb (billion laughs)',
    files: { 'd.yaml': billionLaughs },
    expected: /^error d\.yaml:1:1: the document expands to more than \d+ nodes through YAML aliases/,
  },
  {
    name: 'a file over the size limit',
    files: { 'd.yaml': new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20) },
    expected: /^error d\.yaml:1:1: d\.yaml is 33554433 bytes, over the limit of 33554432 \(split the design with include:\)$/,
  },
  {
    name: 'a document that is not a mapping',
    files: { 'd.json': '[1, 2]' },
    args: ['check', 'd.json'],
    expected: /^error d\.json:1:1: a design must be a mapping with archwright: 1 and system: at the top$/,
  },
  {
    name: 'a design file that does not exist',
    files: {},
    args: ['check', 'nope.yaml'],
    expected: /^error nope\.yaml:1:1: file not found: nope\.yaml \(name an existing design file, or run archwright init to start one\)$/,
  },
  {
    name: 'no ./archwright.yaml when no design is named',
    files: {},
    args: ['check'],
    expected: /^error archwright\.yaml:1:1: file not found: archwright\.yaml/,
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('bad input through archwright check', () => {
  it.each(cases)('$name', ({ files, args, expected }) => {
    const cwd = tempDir(files);
    dirs.push(cwd);
    const result = run(args ?? ['check', 'd.yaml'], { cwd });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(expected);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('a folder given as the design', () => {
    const cwd = tempDir();
    dirs.push(cwd);
    mkdirSync(join(cwd, 'designs'));
    const result = run(['check', 'designs'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error designs:1:1: cannot read designs: .*folder/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('reports every error of a file, each located, not only the first', () => {
    const cwd = tempDir({ 'd.yaml': `${HEAD}components:\n  - { id: a, kind: servce }\n  - { id: b, kind: service, serviceTime: slow }\n` });
    dirs.push(cwd);
    const lines = run(['check', 'd.yaml'], { cwd }).stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^error d\.yaml:\d+:\d+: /);
  });
});
