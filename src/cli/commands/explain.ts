/** `archwright explain <rule>`: a rule's rationale, citations, fix and options. */
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { suggestNearest } from '../../model/errors.js';
import type { Rule } from '../../rules/types.js';
import { UsageError, useColor } from '../shared.js';

export function register(program: Command): void {
  program
    .command('explain')
    .description('explain a rule: why it matters, where the practice comes from, how to fix its findings')
    .argument('<rule>', 'a rule id such as simplicity/sync-cycle (the name alone is enough when it is unique)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (id: string, opts: { format: 'text' | 'json' | 'markdown' }) => {
      const { allRules } = await import('../../rules/index.js');
      const rule = findRuleOrFail(allRules, id);
      if (opts.format === 'json') {
        const { check: _check, ...meta } = rule;
        process.stdout.write(JSON.stringify(meta, null, 2) + '\n');
      } else if (opts.format === 'markdown') {
        const { renderRulePage } = await import('../../docs/rule-docs.js');
        process.stdout.write(renderRulePage(rule));
      } else {
        process.stdout.write(formatExplanation(rule, useColor(), process.stdout.columns));
      }
    });
}

/** The rule with this id, or with this name when only one pack has it; else a usage error naming the nearest id. */
export function findRuleOrFail(rules: readonly Rule[], id: string): Rule {
  const exact = rules.find((r) => r.id === id);
  if (exact) return exact;
  const byName = rules.filter((r) => r.id.split('/')[1] === id);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new UsageError(`rule "${id}" is in several packs: ${byName.map((r) => r.id).join(', ')}`);
  return failUnknown(rules, id);
}

function failUnknown(rules: readonly Rule[], id: string): never {
  // Compare like with like: a full id with full ids, a bare name with names.
  const candidates = id.includes('/') ? rules.map((r) => r.id) : rules.map((r) => r.id.split('/')[1]);
  const nearest = suggestNearest(id, candidates);
  const suggestion = nearest ? rules.find((r) => r.id === nearest || r.id.endsWith(`/${nearest}`))!.id : undefined;
  throw new UsageError(`unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; archwright rules lists them`);
}

export function formatExplanation(rule: Rule, color: boolean, columns = 80): string {
  const c = pc.createColors(color);
  const width = Math.max(40, Math.min(columns || 80, 100)) - 2;
  const severity = rule.severity === 'error' ? c.red(rule.severity) : rule.severity === 'warning' ? c.yellow(rule.severity) : c.blue(rule.severity);
  const out = [`${c.bold(rule.id)}  ${severity}${rule.regime ? c.dim(`  (runs when ${rule.regime.toUpperCase()} applies)`) : ''}`, wrap(rule.summary, width, ''), ''];
  const section = (title: string, text: string) => out.push(c.bold(title), wrap(text, width, '  '), '');
  section('Why', rule.rationale);
  section('How to fix', rule.fix);
  const options = Object.entries(rule.options ?? {});
  if (options.length > 0) {
    out.push(c.bold('Options'));
    for (const [name, o] of options) out.push(wrap(`${name} (default ${JSON.stringify(o.default)}): ${o.description}`, width, '  '));
    out.push('');
  }
  if (rule.citations.length > 0) {
    out.push(c.bold('References'), ...rule.citations.map((x) => `  - ${x}`), '');
  }
  out.push(c.dim(`Turn it off or change its severity in the design under checks.rules, or per run with --rule ${rule.id}=off.`));
  out.push(c.dim(`Docs: docs/rules/${rule.id}.md`));
  return out.join('\n') + '\n';
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
