/** LineStarts answers line and column for offsets asked in any order, finding line starts only as far as needed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineStarts } from '../../src/model/line-starts.js';

function naive(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('LineStarts', () => {
  it('gives the line and column of any offset, asked in any order', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\n\n'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (t, picks) => {
      const lines = new LineStarts(t);
      for (const pick of picks) {
        const at = pick % (t.length + 1);
        expect(lines.lineAndColumn(at)).toEqual(naive(t, at));
      }
    }), { numRuns: 500 });
  });
});
