/** The archwright command line: parse arguments, call the library, format; exit 0/1/2. */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT_USAGE, printErrors, UsageError } from './shared.js';
import { FileExistsError } from '../io/node-host.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('archwright')
    .description('Review, predict, draw and compare backend architecture designs.')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of commands) register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    process.exitCode = handleError(err);
  }
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message; help and version are not errors
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    if (err.errors.length > 0) printErrors(err.errors);
    else process.stderr.write(`error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof FileExistsError) {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR' || e.code === 'EPIPE')) {
    process.stderr.write(`error: ${e.message}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`archwright: internal error (please report it): ${e?.stack ?? String(err)}\n`);
  return 3;
}
