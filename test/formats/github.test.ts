import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formats/github.js';
import { emptyInput, exampleInput, trackedInput } from './inputs.js';

/** Undoes the workflow-command escaping, as the runner does. */
const unescape = (text: string) =>
  text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

const COMMAND = /^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([^,]*)::(.*)$/;

describe('github format', () => {
  it('annotates every open finding of the example on its file, line and column', () => {
    const input = exampleInput();
    const lines = formatGithub(input).trimEnd().split('\n');
    const open = input.review.findings.filter((f) => f.status === 'open');
    expect(lines).toHaveLength(open.length + 1);
    open.forEach((finding, i) => {
      const m = COMMAND.exec(lines[i]);
      expect(m, lines[i]).not.toBeNull();
      expect(m![1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[finding.severity]);
      expect(unescape(m![2])).toBe(finding.location!.file);
      expect([Number(m![3]), Number(m![4])]).toEqual([finding.location!.line, finding.location!.column]);
      expect(unescape(m![5])).toContain(finding.rule);
      expect(unescape(m![6])).toContain(finding.message);
    });
    expect(lines.at(-1)).toMatch(/^archwright: \d+ errors, \d+ warnings/);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('keeps each annotation on one line and round-trips awkward text', () => {
    const input = trackedInput();
    const lines = formatGithub(input).trimEnd().split('\n');
    const r1 = input.review.findings.find((f) => f.subject.id === 'R1')!;
    const line = lines.find((l) => l.includes('requirement R1'))!;
    const m = COMMAND.exec(line)!;
    expect(unescape(m[2])).toBe('my designs/design 1.yaml');
    expect(unescape(m[6]).split('\nFix: ')[0]).toBe(r1.message);
    expect(line).not.toMatch(/[\r\n]/);
  });

  it('leaves findings tracked in risks out of the annotations, but reopens an expired acceptance', () => {
    const lines = formatGithub(trackedInput()).trimEnd().split('\n');
    const annotated = lines.filter((l) => l.startsWith('::')).map((l) => /requirement (R\d)/.exec(l)![1]);
    expect(annotated.sort()).toEqual(['R1', 'R5']);
    expect(lines.at(-1)).toContain('3 tracked in risks');
  });

  it('prints only the summary when there is nothing to annotate', () => {
    expect(formatGithub(emptyInput())).toBe('archwright: 0 errors, 0 warnings, 0 info, 0 tracked in risks (Empty)\n');
  });
});
