import { Command, Option } from 'commander';
import pc from 'picocolors';
import { EXIT_FINDINGS, EXIT_OK, loadOrFail, UsageError, useColor } from '../shared.js';

const FORMATS = ['table', 'json', 'markdown'];

interface CapacityFlags {
  format: string;
  whatIf?: string[];
  month?: string;
}

export function register(program: Command): void {
  program
    .command('capacity')
    .description('predict utilisation, latency, instances, saturation month and cost as the workloads grow')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--what-if <key=value...>', 'try changes without editing the file, e.g. --what-if growth=20% instances.user-service=6')
    .option('--month <n>', 'show this month of the growth horizon in detail (default 0, today\'s peak)')
    .addHelpText('after', `
what-if keys: growth, peakFactor, horizon (optionally .WORKLOAD), rate.W, users.W, thinkTime.W,
  instances.C (6 or 2..12), concurrency.C, serviceTime.C, queueLimit.C, cost.C, targetUtilisation, budget

Exit status: 0, or 1 when a component is saturated or a latency target is missed in the month shown.`)
    .action(async (file: string, flags: CapacityFlags) => {
      const capacity = await import('../../capacity/index.js');
      // `--what-if a=1 b=2 design.yaml` takes the design into the list: give it back
      const whatIf = (flags.whatIf ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean);
      const strays = whatIf.filter((v) => !v.includes('='));
      if (strays.length > 1 || (strays.length === 1 && file !== 'archwright.yaml')) {
        throw new UsageError(`--what-if ${strays.join(' ')}: expected key=value, e.g. growth=20% or instances.user-service=6`);
      }
      if (strays.length === 1) file = strays[0];
      const changes = whatIf.filter((v) => v.includes('=')).map((text) => {
        const parsed = capacity.parseWhatIf(text);
        if (!parsed.ok) throw new UsageError(parsed.error);
        return parsed.value;
      });
      const month = flags.month === undefined ? 0 : Number(flags.month);
      if (!Number.isInteger(month) || month < 0 || month > 1200) throw new UsageError(`--month ${flags.month}: expected a whole number of months from 0 to 1200`);

      const loaded = (await loadOrFail(file)).design;
      const target = loaded.capacity?.targetUtilisation;
      if (target !== undefined && capacity.designTargetUtilisation(loaded) === undefined) {
        throw new UsageError('bad capacity.targetUtilisation', [{
          code: 'schema', message: `capacity.targetUtilisation: ${target} is not a utilisation between 0% and 100%`,
          location: loaded.locate({ file: loaded.file, path: ['capacity'] }, ['targetUtilisation']),
        }]);
      }
      const { design, errors } = capacity.applyWhatIf(loaded, changes);
      if (errors.length > 0) throw new UsageError(errors.join('\n'));

      const report = capacity.analyseCapacity(design, { month });
      if (flags.format === 'json') process.stdout.write(capacity.formatCapacityJson(report));
      else if (flags.format === 'markdown') process.stdout.write(capacity.formatCapacityMarkdown(report));
      else {
        const colors = pc.createColors(useColor());
        if (changes.length > 0) process.stdout.write(colors.dim(`what if: ${changes.map((c) => c.text).join(', ')}\n\n`));
        process.stdout.write(capacity.formatCapacityText(report, colors));
      }
      const trouble = report.components.some((c) => c.saturated) || report.targets.some((t) => !t.met);
      process.exitCode = trouble ? EXIT_FINDINGS : EXIT_OK;
    });
}
