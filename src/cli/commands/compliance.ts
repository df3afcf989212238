/** `archwright compliance`: the control matrix of a regime (GDPR, HIPAA, PCI DSS) for a design. */
import { Command, Option } from 'commander';
import { EXIT_FINDINGS, EXIT_OK, loadOrFail, UsageError } from '../shared.js';

const REGIMES = ['gdpr', 'hipaa', 'pci'] as const;

export function register(program: Command): void {
  program
    .command('compliance')
    .description('print the control matrix of a regime: each control, each element it applies to, pass / fail / gap / not applicable')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .addOption(new Option('--regime <regime>', 'the regime (default: every regime that applies to the design; JSON is then an array)').choices([...REGIMES]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .addOption(new Option('--fail-on <status>', 'exit 1 when an element of a control is at this status or worse').choices(['fail', 'gap', 'never']).default('fail'))
    .action(async (file: string, opts: { regime?: (typeof REGIMES)[number]; format: 'markdown' | 'json'; failOn: 'fail' | 'gap' | 'never' }) => {
      const { allRules } = await import('../../rules/index.js');
      const { review } = await import('../../rules/engine.js');
      const { complianceMatrix } = await import('../../compliance/matrix.js');
      const { matrixJson, matrixMarkdown, regimeName } = await import('../../compliance/matrix-format.js');
      const { design } = await loadOrFail(file);
      const result = review(design, allRules);
      if (result.errors.length > 0) throw new UsageError('the rule configuration has errors', result.errors);
      const regimes = opts.regime ? [opts.regime] : REGIMES.filter((r) => result.regimes.includes(r));
      if (regimes.length === 0) {
        process.stdout.write(opts.format === 'json'
          ? '[]\n'
          : `No regime with a control matrix (${REGIMES.map(regimeName).join(', ')}) applies to ${design.system.name}: none is declared in system.compliance and no data implies one.\n`);
        process.exitCode = EXIT_OK;
        return;
      }
      const matrices = regimes.map((regime) => complianceMatrix(design, result, allRules, regime));
      process.stdout.write(opts.format === 'json' ? matrixJson(opts.regime ? matrices[0] : matrices) : matrices.map(matrixMarkdown).join('\n'));
      const failing = opts.failOn === 'never' ? [] : opts.failOn === 'gap' ? ['fail', 'gap'] : ['fail'];
      const fails = matrices.some((m) => m.rows.some((row) => row.cells.some((c) => failing.includes(c.status))));
      process.exitCode = fails ? EXIT_FINDINGS : EXIT_OK;
    });
}
