/** `archwright ropa`: the GDPR Art. 30(1) record of processing activities, generated from the design. */
import { Command, Option } from 'commander';
import { EXIT_FINDINGS, EXIT_OK, loadOrFail } from '../shared.js';

export function register(program: Command): void {
  program
    .command('ropa')
    .description('generate the GDPR Art. 30(1) record of processing activities from the design')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'csv']).default('markdown'))
    .option('--strict', 'exit 1 when an entry Art. 30(1) asks for is not stated in the design')
    .action(async (file: string, opts: { format: 'markdown' | 'csv'; strict?: boolean }) => {
      const { generateRopa } = await import('../../compliance/ropa.js');
      const { ropaCsv, ropaMarkdown } = await import('../../compliance/ropa-format.js');
      const { design } = await loadOrFail(file);
      const ropa = generateRopa(design);
      process.stdout.write(opts.format === 'csv' ? ropaCsv(ropa) : ropaMarkdown(ropa));
      process.exitCode = opts.strict && ropa.gaps.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
}
