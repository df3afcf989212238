/** `archwright rules`: every rule with its id, default severity and summary. */
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { suggestNearest } from '../../model/errors.js';
import type { Rule } from '../../rules/types.js';
import { UsageError, useColor } from '../shared.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the rules: id, default severity and what each finds')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--pack <pack>', 'only the rules of this pack (e.g. simplicity)')
    .action(async (opts: { format: 'text' | 'json'; pack?: string }) => {
      const { allRules } = await import('../../rules/index.js');
      const rules = opts.pack ? allRules.filter((r) => r.id.startsWith(`${opts.pack}/`)) : [...allRules];
      if (opts.pack && rules.length === 0) {
        const packs = [...new Set(allRules.map((r) => r.id.split('/')[0]))];
        const nearest = suggestNearest(opts.pack, packs);
        throw new UsageError(`--pack ${opts.pack}: no such pack (${nearest ? `did you mean "${nearest}"? ` : ''}packs: ${packs.join(', ')})`);
      }
      process.stdout.write(opts.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules, useColor()));
    });
}

export function formatRulesJson(rules: readonly Rule[]): string {
  const list = rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    summary: r.summary,
    ...(r.regime ? { regime: r.regime } : {}),
    ...(r.options ? { options: Object.fromEntries(Object.entries(r.options).map(([k, o]) => [k, o.default])) } : {}),
  }));
  return JSON.stringify(list, null, 2) + '\n';
}

export function formatRulesText(rules: readonly Rule[], color: boolean): string {
  const c = pc.createColors(color);
  const width = Math.max(0, ...rules.map((r) => r.id.length));
  const severity = (s: Rule['severity']) => (s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue)(s.padEnd(7));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${severity(r.severity)}  ${r.summary}${r.regime ? c.dim(` [${r.regime}]`) : ''}`);
  lines.push('', c.dim(`${rules.length} rules. archwright explain <rule> says why each matters and how to fix it.`));
  return lines.join('\n') + '\n';
}
