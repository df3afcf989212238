/** Contract changes as text: stylish for terminals, JSON for tools, Markdown for a pull-request comment. */
import pc from 'picocolors';
import { formatLocation } from '../model/errors.js';
import type { ContractComparison } from './compare.js';
import type { ContractChange } from './types.js';

export const CONTRACT_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type ContractFormat = (typeof CONTRACT_FORMATS)[number];

export interface ContractReportInput {
  oldFile: string;
  newFile: string;
  comparison: ContractComparison;
  color?: boolean;
}

export function formatContractChanges(format: ContractFormat, input: ContractReportInput): string {
  if (format === 'json') return json(input);
  if (format === 'markdown') return markdown(input);
  return stylish(input);
}

function counts(changes: readonly ContractChange[]) {
  return {
    breaking: changes.filter((c) => c.severity === 'breaking').length,
    warning: changes.filter((c) => c.severity === 'warning').length,
    info: changes.filter((c) => c.severity === 'info').length,
  };
}

function json({ oldFile, newFile, comparison }: ContractReportInput): string {
  return JSON.stringify({ old: oldFile, new: newFile, kind: comparison.kind, summary: counts(comparison.changes), changes: comparison.changes }, null, 2) + '\n';
}

function stylish({ oldFile, newFile, comparison, color = false }: ContractReportInput): string {
  const c = pc.createColors(color);
  const sev = (s: ContractChange['severity']) => (s === 'breaking' ? c.red('breaking') : s === 'warning' ? c.yellow('warning') : c.blue('info'));
  const lines: string[] = [c.underline(`${oldFile} → ${newFile}`)];
  for (const change of comparison.changes) {
    lines.push(`  ${c.dim(formatLocation(change.location))}`);
    lines.push(`    ${sev(change.severity).padEnd(color ? 18 : 9)} ${change.message}  ${c.dim(change.id)}`);
    if (change.operations.length > 0) lines.push(`    ${' '.repeat(9)} ${c.dim(`affects: ${listOps(change.operations)}`)}`);
  }
  const n = counts(comparison.changes);
  lines.push('');
  lines.push(n.breaking > 0
    ? `${c.red('✖')} ${n.breaking} breaking, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info`
    : comparison.changes.length > 0 ? `${c.green('✔')} no breaking changes (${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info)` : c.green('✔ no changes to the contract'));
  return lines.join('\n') + '\n';
}

function markdown({ oldFile, newFile, comparison }: ContractReportInput): string {
  const n = counts(comparison.changes);
  const icon = { breaking: '🔴', warning: '🟡', info: 'ℹ️' } as const;
  const lines = [`### Contract changes: \`${newFile}\``, ''];
  lines.push(n.breaking > 0 ? `**${n.breaking} breaking**, ${n.warning} warnings, ${n.info} info (against \`${oldFile}\`).` : `No breaking changes (${n.warning} warnings, ${n.info} info) against \`${oldFile}\`.`);
  if (comparison.changes.length > 0) {
    lines.push('', '| | change | affects | where |', '| --- | --- | --- | --- |');
    for (const change of comparison.changes) {
      lines.push(`| ${icon[change.severity]} ${change.severity} | ${cell(change.message)} <br>\`${change.id}\` | ${cell(listOps(change.operations)) || '—'} | \`${formatLocation(change.location)}\` |`);
    }
  }
  return lines.join('\n') + '\n';
}

function listOps(ops: readonly string[]): string {
  return ops.length > 5 ? `${ops.slice(0, 5).join(', ')} and ${ops.length - 5} more` : ops.join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
