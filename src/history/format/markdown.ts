/**
 * The diff as a pull-request comment: the verdict and the counts first, what
 * needs a reviewer's attention next (new findings, scope creep, breaking
 * contract changes), and the full change list folded in <details>.
 * Long lists are cut so the comment stays under GitHub's 65,536-character limit.
 */
import type { Finding } from '../../rules/types.js';
import { summariseDiff } from '../summary.js';
import type { DiffFormatInput } from './types.js';
import { describeChange, formatMoney, formatMonth, formatSeconds, KIND, plural } from './values.js';

/** A marker that lets a workflow find and update its own comment. */
export const MARKDOWN_MARKER = '<!-- archwright-diff -->';

const MAX_ITEMS = 50;
const MAX_FIELDS_PER_ELEMENT = 10;
const MAX_LENGTH = 60_000;

export function formatDiffMarkdown({ diff, tripped = [] }: DiffFormatInput): string {
  const s = summariseDiff(diff);
  const out: string[] = [MARKDOWN_MARKER, `### archwright diff — ${text(diff.new.system)}`, ''];

  const verdict = tripped.length > 0
    ? `❌ **${tripped.map((t) => `${t.gate}: ${t.reason}`).join('; ')}**`
    : s.findings.newErrors + s.contracts.breaking + s.scopeCreep > 0 ? '⚠️ **review needed**' : '✅ **no new errors, no scope creep, no breaking contract changes**';
  out.push(verdict, '');
  out.push(`${plural(s.findings.new, 'new finding')} (${plural(s.findings.newErrors, 'error')}) · ${s.findings.resolved} resolved · ${s.findings.stillOpen} still open · `
    + `${s.scopeCreep} scope creep · elements: ${s.elements.added} added, ${s.elements.removed} removed, ${s.elements.changed} changed · `
    + `requirements: ${s.requirements.added} added, ${s.requirements.dropped} dropped`
    + (s.contracts.changed ? ` · contracts: ${s.contracts.changed} changed, ${plural(s.contracts.breaking, 'breaking change')}` : ''), '');
  out.push(`<sub>${code(diff.old.file)} → ${code(diff.new.file)}</sub>`, '');

  if (diff.capacity) {
    const { before, after } = diff.capacity;
    out.push('| capacity | before | after |', '| --- | --- | --- |');
    out.push(`| first saturation | ${formatMonth(before.saturationMonth)} | ${formatMonth(after.saturationMonth)} |`);
    for (const w of new Set([...Object.keys(before.p99Seconds), ...Object.keys(after.p99Seconds)])) {
      const a = before.p99Seconds[w];
      const b = after.p99Seconds[w];
      out.push(`| p99 ${code(w)} | ${a === undefined ? '—' : formatSeconds(a)} | ${b === undefined ? '—' : formatSeconds(b)} |`);
    }
    out.push(`| monthly cost | ${formatMoney(before.monthlyCost, before.currency)} | ${formatMoney(after.monthlyCost, after.currency)} |`, '');
  }

  if (diff.risk.new.length > 0) {
    out.push(`#### New findings (${diff.risk.new.length})`, '');
    out.push(...findingTable(diff.risk.new), '');
  }
  if (diff.scopeCreep.length > 0) {
    out.push(`#### Scope creep (${diff.scopeCreep.length})`, '');
    out.push(...capped(diff.scopeCreep, (c) => `- **${c.kind}** ${code(c.id)}: ${text(c.message)}`), '');
  }
  const breaking = diff.contracts.filter((c) => c.changes?.some((x) => x.severity === 'breaking'));
  if (breaking.length > 0) {
    out.push('#### Breaking contract changes', '');
    for (const contract of breaking) {
      out.push(`- ${code(contract.file)} (${text(contract.referencedBy.join(', '))})`);
      for (const change of (contract.changes ?? []).filter((x) => x.severity === 'breaking').slice(0, MAX_ITEMS)) {
        const breaks = change.consumers.length ? ` — breaks ${change.consumers.map(code).join(', ')}` : '';
        out.push(`  - ${text(change.message)}${change.location ? ` at ${code(change.location)}` : ''}${breaks}`);
      }
    }
    out.push('');
  }

  if (diff.risk.resolved.length > 0) {
    details(out, `Resolved findings (${diff.risk.resolved.length})`, capped(diff.risk.resolved, ({ finding, how }) =>
      `- ~~${text(finding.message)}~~ ${code(finding.id)} — ${how}`));
  }
  if (s.requirements.added + s.requirements.dropped > 0) {
    details(out, `Requirements: ${s.requirements.added} added, ${s.requirements.dropped} dropped`, [
      ...capped(diff.requirements.added, (r) => `- ➕ ${code(r.id)} (${r.kind}) ${text(r.text)}`),
      ...capped(diff.requirements.dropped, (r) => `- ➖ ${code(r.id)} (${r.kind}) ${text(r.text)}`),
    ]);
  }
  const otherContracts = diff.contracts.filter((c) => !breaking.includes(c));
  if (otherContracts.length > 0) {
    details(out, `Other contract changes (${otherContracts.length})`, capped(otherContracts, (c) =>
      `- ${c.status} ${code(c.file)} (${text(c.referencedBy.join(', '))})${c.note ? `: ${text(c.note)}` : ''}`
      + (c.changes?.length ? `: ${c.changes.map((x) => `${x.severity} ${text(x.message)}`).join('; ')}` : '')));
  }
  const { elements } = diff;
  if (s.elements.added + s.elements.removed + s.elements.changed > 0) {
    const lines = [
      ...capped(elements.added, (e) => `- ➕ ${elementLabel(e.section, e.id)}`),
      ...capped(elements.removed, (e) => `- ➖ ${elementLabel(e.section, e.id)}`),
      ...capped(elements.changed, (e) => {
        const fields = e.fields.slice(0, MAX_FIELDS_PER_ELEMENT).map((f) =>
          `  - ${code(f.path)}: ${describeChange(f.before, f.after, { old: code, new: code })}`);
        if (e.fields.length > MAX_FIELDS_PER_ELEMENT) fields.push(`  - … and ${e.fields.length - MAX_FIELDS_PER_ELEMENT} more fields`);
        return [`- ✏️ ${elementLabel(e.section, e.id)}`, ...fields].join('\n');
      }),
    ];
    details(out, `Elements: ${s.elements.added} added, ${s.elements.removed} removed, ${s.elements.changed} changed`, lines);
  }
  if (diff.risk.stillOpen.length > 0) {
    details(out, `Still open (${diff.risk.stillOpen.length})`, findingTable(diff.risk.stillOpen));
  }

  return out.join('\n').trimEnd() + '\n';
}

function elementLabel(section: string, id: string): string {
  return id === section ? section : `${KIND[section]} ${code(id)}`;
}

function findingTable(findings: readonly Finding[]): string[] {
  return [
    '| severity | finding | message |', '| --- | --- | --- |',
    ...capped(findings, (f) => `| ${f.severity} | ${code(f.id)} | ${cell(f.message)}${f.location ? ` <sub>${cell(`${f.location.file}:${f.location.line}`)}</sub>` : ''} |`),
  ];
}

/** A folded block; left out, with a note, when it would push the comment past the limit. */
function details(out: string[], summary: string, lines: string[]): void {
  const block = ['<details>', `<summary>${text(summary)}</summary>`, '', ...lines, '', '</details>', ''];
  const length = (list: string[]) => list.reduce((n, line) => n + line.length + 1, 0);
  if (length(out) + length(block) > MAX_LENGTH) {
    out.push(`${text(summary)}: too long for a comment; run \`archwright diff --format json\` to see it.`, '');
    return;
  }
  out.push(...block);
}

function capped<T>(items: readonly T[], line: (item: T) => string): string[] {
  const shown = items.slice(0, MAX_ITEMS).map(line);
  if (items.length > MAX_ITEMS) shown.push(`- … and ${items.length - MAX_ITEMS} more`);
  return shown;
}

/**
 * Text safe inside Markdown and GitHub's HTML subset: no raw HTML, no
 * accidental emphasis or links. `Code spans` (rule messages use them for field
 * names) are kept: Markdown shows their content literally, HTML included.
 */
function text(value: string): string {
  return value.split(/(`[^`\n]+`)/).map((part, i) => {
    if (i % 2 === 1) return part.replace(/\|/g, '\\|');
    return part.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')).replace(/([\\`*_[\]|])/g, '\\$1');
  }).join('');
}

function cell(value: string): string {
  return text(value).replace(/\r?\n/g, ' ');
}

function code(value: string): string {
  const clean = value.replace(/\r?\n/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
