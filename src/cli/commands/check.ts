import { Command, Option } from 'commander';
import { allRules } from '../../rules/index.js';
import { review, reachesThreshold, type RuleSetting } from '../../rules/engine.js';
import { suggestNearest } from '../../model/errors.js';
import { FORMAT_NAMES, formatters } from '../../formats/index.js';
import { EXIT_FINDINGS, EXIT_OK, loadOrFail, UsageError, useColor } from '../shared.js';

export function parseRuleOverrides(values: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  const ids = allRules.map((r) => r.id);
  for (const value of values) {
    const m = /^([^=]+)=(off|info|warning|error)$/.exec(value.trim());
    if (!m) throw new UsageError(`--rule ${value}: expected id=off|info|warning|error`);
    if (!ids.includes(m[1])) {
      const nearest = suggestNearest(m[1], ids);
      throw new UsageError(`--rule ${value}: unknown rule "${m[1]}"${nearest ? ` (did you mean "${nearest}"?)` : ''}`);
    }
    out[m[1]] = { severity: m[2] as RuleSetting['severity'] };
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('review a design: run every enabled rule and print the findings')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding reaches this severity').choices(['error', 'warning', 'info', 'never']))
    .option('--rule <id=severity>', 'set a rule to off|info|warning|error (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addOption(new Option('--today <date>', 'judge risk acceptances against this date (YYYY-MM-DD)').hideHelp())
    .action(async (file: string, opts: { format: string; failOn?: string; rule: string[]; today?: string }) => {
      const overrides = parseRuleOverrides(opts.rule);
      const { design } = await loadOrFail(file);
      const today = opts.today ? new Date(`${opts.today}T00:00:00Z`) : undefined;
      if (today && Number.isNaN(today.getTime())) throw new UsageError(`--today ${opts.today}: expected YYYY-MM-DD`);
      const result = review(design, allRules, { overrides, today });
      if (result.errors.length > 0) throw new UsageError('the rule configuration has errors', result.errors);
      process.stdout.write(formatters[opts.format]({ design, review: result, rules: allRules, color: useColor(), cwd: process.cwd() }));
      const failOn = (opts.failOn ?? design.checks?.failOn ?? 'error') as 'error' | 'warning' | 'info' | 'never';
      process.exitCode = reachesThreshold(result.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
    });
}
