/** The terminal view of a diff: what a reviewer needs first (risk, scope), then every element change. */
import pc from 'picocolors';
import type { Finding } from '../../rules/types.js';
import { isEmptyDiff, summariseDiff } from '../summary.js';
import type { DiffFormatInput } from './types.js';
import { describeChange, elementName, formatMoney, formatMonth, formatSeconds, plural } from './values.js';

export function formatDiffStylish({ diff, color = false, tripped = [] }: DiffFormatInput): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const sev = (f: Finding) => (f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.blue)(f.severity.padEnd(7));
  const heading = (text: string) => {
    lines.push('', c.bold(c.underline(text)));
  };

  lines.push(`${c.bold('archwright diff')} ${diff.old.file} ${c.dim('→')} ${diff.new.file}${c.dim(`  (${diff.new.system})`)}`);

  const { risk } = diff;
  if (risk.new.length + risk.resolved.length + risk.stillOpen.length > 0) {
    heading('Findings');
    for (const f of risk.new) lines.push(`  ${c.red('+')} ${sev(f)} ${f.message}  ${c.dim(f.id)}`);
    for (const { finding: f, how } of risk.resolved) lines.push(`  ${c.green('-')} ${sev(f)} ${f.message}  ${c.dim(`${f.id} (${how})`)}`);
    if (risk.stillOpen.length > 0) lines.push(`  ${c.dim(`= ${plural(risk.stillOpen.length, 'finding')} still open`)}`);
  }

  if (diff.scopeCreep.length > 0) {
    heading('Scope creep');
    for (const s of diff.scopeCreep) lines.push(`  ${c.yellow('!')} ${s.kind.padEnd(9)} ${s.message}`);
  }

  const { requirements } = diff;
  if (requirements.added.length + requirements.dropped.length > 0) {
    heading('Requirements');
    for (const r of requirements.added) lines.push(`  ${c.green('+')} ${r.id} ${c.dim(`(${r.kind})`)} ${r.text}`);
    for (const r of requirements.dropped) lines.push(`  ${c.red('-')} ${r.id} ${c.dim(`(${r.kind})`)} ${r.text}`);
  }

  if (diff.capacity) {
    const { before, after } = diff.capacity;
    heading('Capacity');
    const row = (name: string, a: string, b: string) => lines.push(`  ${name.padEnd(20)} ${a} ${c.dim('→')} ${a === b ? b : c.bold(b)}`);
    row('first saturation', formatMonth(before.saturationMonth), formatMonth(after.saturationMonth));
    for (const w of new Set([...Object.keys(before.p99Seconds), ...Object.keys(after.p99Seconds)])) {
      const a = before.p99Seconds[w];
      const b = after.p99Seconds[w];
      row(`p99 ${w}`, a === undefined ? '(none)' : formatSeconds(a), b === undefined ? '(none)' : formatSeconds(b));
    }
    row('monthly cost', formatMoney(before.monthlyCost, before.currency), formatMoney(after.monthlyCost, after.currency));
  }

  if (diff.contracts.length > 0) {
    heading('Contracts');
    for (const contract of diff.contracts) {
      const mark = contract.status === 'added' ? c.green('+') : contract.status === 'removed' ? c.red('-') : c.yellow('~');
      lines.push(`  ${mark} ${contract.file} ${c.dim(`(${contract.referencedBy.join(', ')})`)}${contract.note ? c.dim(` — ${contract.note}`) : ''}`);
      for (const change of contract.changes ?? []) {
        const color = change.severity === 'breaking' ? c.red : change.severity === 'warning' ? c.yellow : c.blue;
        const breaks = change.consumers.length ? c.dim(` — breaks ${change.consumers.join(', ')}`) : '';
        lines.push(`      ${color(change.severity.padEnd(8))} ${change.message}${change.location ? c.dim(` at ${change.location}`) : ''}${breaks}`);
      }
    }
  }

  const { elements } = diff;
  if (elements.added.length + elements.removed.length + elements.changed.length > 0) {
    heading('Elements');
    for (const e of elements.added) lines.push(`  ${c.green('+')} ${elementName(e.section, e.id)}`);
    for (const e of elements.removed) lines.push(`  ${c.red('-')} ${elementName(e.section, e.id)}`);
    for (const e of elements.changed) {
      lines.push(`  ${c.yellow('~')} ${elementName(e.section, e.id)}`);
      for (const f of e.fields) {
        lines.push(`      ${f.path}: ${describeChange(f.before, f.after, { old: c.red, new: c.green })}`);
      }
    }
  }

  const s = summariseDiff(diff);
  const parts = [
    `${plural(s.findings.new, 'new finding')} (${plural(s.findings.newErrors, 'error')})`,
    `${s.findings.resolved} resolved`,
    `${s.scopeCreep} scope creep`,
    `elements +${s.elements.added} -${s.elements.removed} ~${s.elements.changed}`,
  ];
  if (s.contracts.changed > 0) parts.push(`${plural(s.contracts.breaking, 'breaking contract change')}`);
  lines.push('', isEmptyDiff(diff) ? `no changes to the design; ${plural(s.findings.stillOpen, 'finding')} still open` : parts.join(', '));
  for (const t of tripped) lines.push(c.red(`✖ --fail-on ${t.gate}: ${t.reason}`));
  return lines.join('\n') + '\n';
}
