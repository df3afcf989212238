/** The loader's messages for bad input: what is wrong, where, and what was expected. */
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/model/load.js';
import { memoryHost } from '../helpers.js';

const errorsOf = (files: Record<string, string>, entry = 'd.yaml') =>
  loadDesign(entry, memoryHost(files)).errors.map((e) => ({ ...e.location, message: e.message, hint: e.hint, code: e.code }));

describe('loader error messages', () => {
  it('name the path, the expected type in YAML words, and what was found', () => {
    expect(errorsOf({ 'd.yaml': 'archwright: 1\nsystem: { name: S }\nzones: { id: z }\n' })).toEqual([
      expect.objectContaining({ line: 3, column: 1, message: 'zones: expected a list, found a mapping', code: 'schema' }),
    ]);
    expect(errorsOf({ 'd.yaml': 'archwright: 1\nsystem:\n  name: S\n  constraints: { engineers: many }\n' })[0].message)
      .toBe('system.constraints.engineers: expected a number, found "many"');
  });

  it('hint at a missing unit when a number stands where a quantity is written as text', () => {
    const [error] = errorsOf({ 'd.yaml': 'archwright: 1\nsystem: { name: S }\ncomponents:\n  - { id: api, kind: service, serviceTime: 4 }\n' });
    expect(error.message).toBe('components[0].serviceTime: expected text, found 4');
    expect(error.hint).toMatch(/needs its unit \(4ms/);
  });

  it('say what a number must be at least, not zod wording', () => {
    const [error] = errorsOf({ 'd.yaml': 'archwright: 1\nsystem: { name: S }\ncomponents:\n  - { id: api, kind: service, concurrency: 0 }\n' });
    expect(error.message).toBe('components[0].concurrency: expected a number >0, found 0');
  });

  it('tell a missing included file from a missing design, and say how to start one', () => {
    expect(errorsOf({ 'd.yaml': 'archwright: 1\nsystem: { name: S }\ninclude: [gone.yaml]\n' })).toEqual([
      expect.objectContaining({ line: 3, column: 11, message: 'included file not found: gone.yaml', code: 'include-missing' }),
    ]);
    expect(errorsOf({}, 'archwright.yaml')).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: 'file not found: archwright.yaml', hint: expect.stringContaining('archwright init'), code: 'io' }),
    ]);
  });

  it('point at a non-printable character where it is, not at the end of the text', () => {
    expect(errorsOf({ 'd.yaml': 'archwright: 1\nsystem:\n  name: a\u000eb\n' })).toEqual([
      expect.objectContaining({ line: 3, column: 10, message: 'YAML syntax error: a non-printable character (U+000E) in the text', code: 'syntax' }),
    ]);
  });

  it('keep an error at the end of a text without a final newline on its last line', () => {
    const [error] = errorsOf({ 'd.yaml': 'archwright: 1\nsystem: [a, b' });
    expect(error.code).toBe('syntax');
    expect(error.line).toBe(2);
    expect(error.column).toBe(14);
  });
});
