import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, formatMarkdown } from '../../src/formats/markdown.js';
import { emptyInput, exampleInput, trackedInput } from './inputs.js';

describe('markdown format', () => {
  it('summarises the example and lists each open finding under its element', () => {
    const input = exampleInput();
    const md = formatMarkdown(input);
    expect(md).toMatch(/^# archwright review: Bot platform\n/);
    const open = input.review.findings.filter((f) => f.status === 'open');
    for (const f of open) {
      expect(md).toContain(`## ${f.subject.kind} \`${f.subject.id}\``);
      expect(md).toContain(`\`${f.rule}\` at \`${f.location!.file}:${f.location!.line}:${f.location!.column}\``);
    }
  });

  it('puts tracked findings in a table and keeps expired acceptances open', () => {
    const md = formatMarkdown(trackedInput());
    const table = md.slice(md.indexOf('## Tracked in risks'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => /@(R\d)/.exec(r)![1])).toEqual(['R2', 'R3', 'R4']);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    expect(md.slice(0, md.indexOf('## Tracked'))).toContain('expired');
  });

  it('escapes Markdown in user text and keeps messages on one line', () => {
    const md = formatMarkdown(trackedInput());
    expect(md).toContain('# archwright review: Shop \\<&\\> "one"');
    const line = md.split('\n').find((l) => l.includes('Handle'))!;
    expect(line).toContain('\\<b\\>');
    expect(line).toContain('\\*x\\*');
    expect(line).toContain('\\_y\\_');
    expect(line).toContain('next line');
  });

  it('says so when there is nothing open', () => {
    const md = formatMarkdown(emptyInput());
    expect(md).toContain('**No open findings.**');
    expect(md).not.toContain('## ');
  });

  it('builds code spans that survive backticks and escapes outside them only', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(escapeMarkdown('use `serves:` for *R1*')).toBe('use `serves:` for \\*R1\\*');
  });
});
