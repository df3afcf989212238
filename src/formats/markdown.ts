/**
 * A Markdown review for pull-request comments and wikis: a summary line, the
 * open findings grouped by element (as stylish groups them), then the findings
 * tracked in `risks:`.
 */
import type { Finding } from '../rules/types.js';
import { summarise } from './json.js';
import { relativePath } from './paths.js';
import type { Formatter } from './types.js';

const ICON = { error: '🔴', warning: '🟠', info: '🔵' } as const;

/**
 * Escapes characters Markdown would read as formatting; newlines become spaces.
 * Balanced `code spans`, which rule messages and fixes use for field names, stay code.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<>|~]/g, '\\$&')))
    .join('');
}

/** Table cells end at any unescaped pipe, even inside a code span. */
function tableCell(text: string): string {
  return escapeMarkdown(text).replace(/(^|[^\\])\|/g, '$1\\|');
}

/** A code span that survives backticks inside the text. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export const formatMarkdown: Formatter = ({ design, review, cwd }) => {
  const s = summarise(review.findings);
  const open = review.findings.filter((f) => f.status === 'open');
  const tracked = review.findings.filter((f) => f.status !== 'open');
  const out: string[] = [`# archwright review: ${escapeMarkdown(design.system.name)}`, ''];
  const counts = `${s.error} error${s.error === 1 ? '' : 's'}, ${s.warning} warning${s.warning === 1 ? '' : 's'}, ${s.info} info`;
  out.push(open.length === 0 ? '**No open findings.**' : `**${open.length} open finding${open.length === 1 ? '' : 's'}** (${counts})`);
  out.push('');
  out.push(`${review.rulesRun.length} rule${review.rulesRun.length === 1 ? '' : 's'} ran on ${design.files.map((f) => codeSpan(relativePath(f, cwd))).join(', ')}` +
    `${review.regimes.length ? `; regimes: ${review.regimes.join(', ')}` : ''}` +
    `${s.tracked ? `; ${s.tracked} finding${s.tracked === 1 ? '' : 's'} tracked in risks` : ''}.`);

  for (const [element, findings] of groupByElement(open)) {
    out.push('', `## ${element}`, '');
    for (const f of findings) out.push(...item(f, cwd));
  }
  if (tracked.length > 0) {
    out.push('', '## Tracked in risks', '', '| finding | status | note |', '| --- | --- | --- |');
    for (const f of tracked) out.push(`| ${codeSpan(f.id)} | ${f.status} | ${tableCell(f.statusNote ?? '')} |`);
  }
  return out.join('\n') + '\n';
};

function groupByElement(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.subject.kind} ${codeSpan(f.subject.id)}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  return groups;
}

function item(f: Finding, cwd?: string): string[] {
  const where = f.location ? ` at ${codeSpan(`${relativePath(f.location.file, cwd)}:${f.location.line}:${f.location.column}`)}` : '';
  const lines = [`- ${ICON[f.severity]} **${f.severity}** ${escapeMarkdown(f.message)} ${codeSpan(f.rule)}${where}`];
  if (f.evidence && Object.keys(f.evidence).length > 0) {
    lines.push(`  - evidence: ${Object.entries(f.evidence).map(([k, v]) => codeSpan(`${k}=${v}`)).join(', ')}`);
  }
  if (f.statusNote) lines.push(`  - status: ${escapeMarkdown(f.statusNote)}`);
  if (f.fix) lines.push(`  - fix: ${escapeMarkdown(f.fix)}`);
  return lines;
}
