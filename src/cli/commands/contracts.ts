/**
 * `archwright contracts <old> <new>`: the breaking changes between two versions
 * of an OpenAPI, protobuf or AsyncAPI contract; exit 1 when a change reaches
 * `--fail-on` (default: breaking), 2 when a file is unusable. Either side may
 * be a git revision (`main:api/openapi.yaml`), as in `diff`.
 */
import { Command, Option } from 'commander';
import type { DesignError } from '../../model/errors.js';
import type { ContractError, ContractSource } from '../../contracts/types.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, useColor } from '../shared.js';

const FORMATS = ['stylish', 'json', 'markdown'];
const FAIL_ON = ['breaking', 'warning', 'info', 'never'];
const RANK = { breaking: 3, warning: 2, info: 1 } as const;

export function register(program: Command): void {
  program
    .command('contracts')
    .description('compare two versions of a contract (OpenAPI 3, .proto, AsyncAPI 2/3) and report breaking changes')
    .argument('<old>', 'the contract as it was: a file or REV:PATH (e.g. main:api/openapi.yaml)')
    .argument('<new>', 'the contract as it is now: a file or REV:PATH')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a change reaches this severity').choices(FAIL_ON).default('breaking'))
    .action(async (oldArg: string, newArg: string, opts: { format: 'stylish' | 'json' | 'markdown'; failOn: string }) => {
      // Either side may be a file or a git revision (`main:api/openapi.yaml`), as in `diff`.
      const { resolveDesignSources, openDesignSource, DesignSourceError } = await import('../../io/design-source.js');
      const { GitError } = await import('../../io/git.js');
      let specs: ReturnType<typeof resolveDesignSources>;
      try {
        specs = resolveDesignSources(oldArg, newArg, process.cwd());
      } catch (err) {
        if (err instanceof DesignSourceError || err instanceof GitError) throw new UsageError(err.message);
        throw err;
      }
      const read = (spec: (typeof specs)[number]): ContractSource => {
        const source = openDesignSource(spec);
        let raw: Uint8Array | string | undefined;
        try {
          raw = source.host.readFile(source.path);
        } catch (err) {
          throw new UsageError(`cannot read ${source.label}: ${(err as Error).message}`);
        }
        if (raw === undefined) throw new UsageError(`file not found: ${source.label}`);
        const text = typeof raw === 'string' ? raw : new TextDecoder('utf-8').decode(raw);
        return { file: source.label, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
      };
      const oldSource = read(specs[0]);
      const newSource = read(specs[1]);
      const { compareContracts } = await import('../../contracts/compare.js');
      const { formatContractChanges } = await import('../../contracts/report.js');
      const comparison = compareContracts(oldSource, newSource);
      if (comparison.errors.length > 0) throw new UsageError('cannot compare the contracts', comparison.errors.map(toDesignError));
      process.stdout.write(formatContractChanges(opts.format, { oldFile: oldSource.file, newFile: newSource.file, comparison, color: useColor() }));
      const threshold = opts.failOn === 'never' ? Infinity : RANK[opts.failOn as keyof typeof RANK];
      process.exitCode = comparison.changes.some((c) => RANK[c.severity] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
    });
}

function toDesignError(error: ContractError): DesignError {
  return { code: error.code === 'syntax' ? 'syntax' : 'schema', message: error.message, location: error.location };
}
