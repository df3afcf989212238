import { Command, Option } from 'commander';
import { writeFileAtomic } from '../../io/node-host.js';
import { loadOrFail, UsageError } from '../shared.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('write a stakeholder report: summary, findings, diagrams, capacity, decisions, compliance')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .option('-o, --out <file>', 'where to write it (.html or .md)', 'report.html')
    .addOption(new Option('-f, --format <format>', 'html or markdown (default: from the --out extension)').choices(['html', 'markdown']))
    .option('--force', 'overwrite --out if it exists')
    .action(async (file: string, opts: { out: string; format?: string; force?: boolean }) => {
      const format = opts.format ?? (/\.(md|markdown)$/i.test(opts.out) ? 'markdown' : 'html');
      const { design } = await loadOrFail(file);
      const report = await import('../../render/report/index.js');
      const input = await report.gatherReport(design, { svg: format === 'html' });
      const text = format === 'html' ? report.reportHtml(input) : report.reportMarkdown(input);
      if (opts.out === '-') {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileAtomic(opts.out, text, { force: opts.force });
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
