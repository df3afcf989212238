import { Command, Option } from 'commander';
import { writeFileAtomic } from '../../io/node-host.js';
import { loadOrFail, UsageError } from '../shared.js';

const FORMATS = ['mermaid', 'dot', 'd2', 'svg'];
const VIEWS = ['context', 'containers', 'dataflow', 'workload'];

export function register(program: Command): void {
  program
    .command('diagram')
    .description('draw the design: system context, containers, data flow or one workload\'s path')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .addOption(new Option('-v, --view <view>', 'what to draw').choices(VIEWS).default('containers'))
    .addOption(new Option('-f, --format <format>', 'diagram language').choices(FORMATS).default('mermaid'))
    .option('-w, --workload <id>', 'the workload to draw (workload view; default: the first)')
    .option('--focus <id>', 'draw only the neighbourhood of this element')
    .option('--depth <n>', 'how many links away from --focus to include', '1')
    .option('--no-zones', 'do not group components by trust zone')
    .option('--no-findings', 'do not mark elements with findings')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .action(async (file: string, opts: { view: string; format: string; workload?: string; focus?: string; depth: string; zones: boolean; findings: boolean; out?: string; force?: boolean }) => {
      const depth = Number(opts.depth);
      if (!Number.isInteger(depth) || depth < 0) throw new UsageError(`--depth ${opts.depth}: expected a whole number ≥ 0`);
      const { design } = await loadOrFail(file);
      const render = await import('../../render/index.js');
      const findings = opts.findings ? (await import('../../index.js')).check(design).findings : [];
      let view;
      try {
        view = render.buildView(design, {
          view: opts.view as 'containers', workload: opts.workload, findings, focus: opts.focus, depth, groupByZone: opts.zones,
        });
      } catch (err) {
        if (err instanceof render.ViewError) throw new UsageError(err.message);
        throw err;
      }
      const output = opts.format === 'svg' ? await render.toSvg(view)
        : opts.format === 'dot' ? render.toDot(view)
          : opts.format === 'd2' ? render.toD2(view)
            : render.toMermaid(view);
      if (opts.out) writeFileAtomic(opts.out, output, { force: opts.force });
      else process.stdout.write(output);
    });
}
