import { Command, Option } from 'commander';
import { parseCount, parseDuration } from '../../model/units.js';
import { EXIT_OK, loadOrFail, UsageError, useColor } from '../shared.js';

interface SimulateOptions {
  duration: string;
  customers?: string;
  seed: string;
  month: string;
  instances: 'min' | 'max';
  fail: string[];
  slow: string[];
  backoff: string;
  format: 'table' | 'json';
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function register(program: Command): void {
  program
    .command('simulate')
    .description('simulate the workloads request by request: latency percentiles, drops, timeouts, retries, utilisation (95% intervals)')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .option('--duration <time>', 'simulated time during which requests arrive', '300s')
    .option('--customers <n>', 'stop after this many requests instead (e.g. 1M)')
    .option('--seed <n>', 'random seed; the same seed gives the same numbers', '42')
    .option('--month <n>', 'month of growth to simulate (rate × (1 + growth)^month)', '0')
    .addOption(new Option('--instances <which>', 'instances per component: the minimum or the autoscaling maximum').choices(['min', 'max']).default('min'))
    .option('--fail <component@time[..time]>', 'take one instance away at a time, optionally until a time (repeatable)', collect, [] as string[])
    .option('--slow <component=Nx@time[..time]>', 'make a component N times slower (repeatable)', collect, [] as string[])
    .option('--backoff <time>', 'first retry backoff (doubles per attempt, full jitter)', '100ms')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, opts: SimulateOptions) => {
      const settings = parseSettings(opts);
      const { design } = await loadOrFail(file);
      const { simulate, parseFaultSpecs } = await import('../../capacity/simulate/index.js');
      const { faults, errors } = parseFaultSpecs({ fail: opts.fail, slow: opts.slow }, design.components.map((c) => c.id));
      if (errors.length > 0) {
        throw new UsageError(errors.map((e) => {
          const flag = opts.fail.includes(e.text) ? '--fail' : '--slow';
          return `${flag} ${e.text}: ${e.message}${e.nearest ? ` (did you mean "${e.nearest}"?)` : ''}`;
        }).join('\n'));
      }
      const progress = progressBar();
      let result;
      try {
        result = simulate(design, { ...settings, faults, onProgress: progress?.update });
      } finally {
        progress?.done();
      }
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        const { formatSimulationTable } = await import('../../capacity/simulate/report.js');
        process.stdout.write(formatSimulationTable(result, useColor()));
      }
      process.exitCode = EXIT_OK;
    });
}

function parseSettings(opts: SimulateOptions) {
  const durationSeconds = parseDuration(opts.duration);
  if (durationSeconds === undefined || !(durationSeconds > 0)) throw new UsageError(`--duration ${opts.duration}: expected a time such as 300s or 5min`);
  let customers: number | undefined;
  if (opts.customers !== undefined) {
    customers = parseCount(opts.customers);
    if (customers === undefined || !(customers >= 1) || !Number.isInteger(customers)) throw new UsageError(`--customers ${opts.customers}: expected a whole number such as 100000 or 1M`);
  }
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed ${opts.seed}: expected a whole number`);
  const month = Number(opts.month);
  if (!Number.isInteger(month) || month < 0) throw new UsageError(`--month ${opts.month}: expected a whole number of months, 0 or more`);
  const backoffBaseSeconds = parseDuration(opts.backoff);
  if (backoffBaseSeconds === undefined) throw new UsageError(`--backoff ${opts.backoff}: expected a time such as 100ms`);
  return { durationSeconds, customers, seed, month, instances: opts.instances, backoffBaseSeconds };
}

/** A bar on stderr when a person is watching (stderr is a TTY and CI is unset); none otherwise. */
function progressBar(): { update: (fraction: number) => void; done: () => void } | undefined {
  const err = process.stderr;
  if (!err.isTTY || process.env.CI !== undefined) return undefined;
  const width = 30;
  let shown = -1;
  return {
    update: (fraction) => {
      const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((percent / 100) * width);
      err.write(`\rsimulating [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`);
    },
    done: () => {
      if (shown >= 0) err.write('\r\x1b[2K');
    },
  };
}
