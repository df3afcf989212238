/** The terminal format: findings grouped by element, like ESLint's stylish. */
import pc from 'picocolors';
import type { Finding } from '../rules/types.js';
import { summarise } from './json.js';
import type { Formatter } from './types.js';

export const formatStylish: Formatter = ({ design, review, color = false }) => {
  const c = pc.createColors(color);
  const sev = (f: Finding) =>
    f.status !== 'open' ? c.dim(f.status) : f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const groups = new Map<string, Finding[]>();
  for (const f of review.findings) {
    const key = `${f.subject.kind} ${f.subject.id}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const lines: string[] = [];
  for (const [key, findings] of groups) {
    const first = findings[0].location;
    lines.push(c.underline(`${key}`) + (first ? c.dim(`  ${first.file}:${first.line}:${first.column}`) : ''));
    for (const f of findings) {
      const at = f.location ? `${f.location.line}:${f.location.column}` : '';
      lines.push(`  ${c.dim(at.padEnd(8))}${sev(f).padEnd(color ? 17 : 8)} ${f.message}  ${c.dim(f.rule)}`);
      if (f.evidence && Object.keys(f.evidence).length > 0) {
        lines.push(`  ${' '.repeat(8)}${c.dim('evidence:')} ${Object.entries(f.evidence).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }
      if (f.status !== 'open' || f.statusNote) lines.push(`  ${' '.repeat(8)}${c.dim(`status: ${f.statusNote ?? f.status}`)}`);
      else if (f.fix) lines.push(`  ${' '.repeat(8)}${c.dim('fix:')} ${f.fix}`);
    }
    lines.push('');
  }
  const s = summarise(review.findings);
  const total = s.error + s.warning + s.info;
  const parts = [`${s.error} error${s.error === 1 ? '' : 's'}`, `${s.warning} warning${s.warning === 1 ? '' : 's'}`, `${s.info} info`];
  const head = total === 0 ? c.green('✔ no open findings') : (s.error > 0 ? c.red('✖') : c.yellow('!')) + ` ${total} open finding${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  lines.push(`${head}${s.tracked ? c.dim(`, ${s.tracked} tracked in risks`) : ''} — ${design.system.name}, ${review.rulesRun.length} rules${review.regimes.length ? `, regimes: ${review.regimes.join(', ')}` : ''}`);
  return lines.join('\n') + '\n';
};
