import { Command, Option } from 'commander';
import { UsageError } from '../shared.js';
import { AnswerError, parseBudget, parseDeadline, parseEngineers, parseList, parseRegimes, parseUsers } from '../../init/answers.js';
import type { StarterAnswers } from '../../init/starter.js';

interface InitFlags {
  yes?: boolean;
  force?: boolean;
  name?: string;
  purpose?: string;
  scopeIn?: string;
  scopeOut?: string;
  users?: string;
  functions?: string;
  budget?: string;
  deadline?: string;
  engineers?: string;
  compliance?: string;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('start a design the way the method starts: purpose, scope, users, functions, constraints, compliance')
    .argument('[file]', 'the design file to write', 'archwright.yaml')
    .option('-y, --yes', 'ask nothing: take the answers from the flags and defaults')
    .option('--force', 'overwrite the file if it exists')
    .option('--name <name>', 'what the system is called (default: the folder name)')
    .option('--purpose <sentence>', 'why the system exists')
    .option('--functions <list>', 'key functions, comma-separated; each becomes a requirement')
    .option('--scope-in <list>', 'what the system covers (default: the functions)')
    .option('--scope-out <list>', 'what is explicitly out of scope')
    .option('--users <list>', 'kinds of users, as kind or kind:name (end-user, developer, operator, admin, partner, system)')
    .option('--budget <amount>', 'monthly running budget, e.g. 4000 or 4000 EUR')
    .option('--deadline <date>', 'delivery date, YYYY-MM-DD')
    .option('--engineers <n>', 'engineers available')
    .addOption(new Option('--compliance <list>', 'regimes that apply: gdpr, hipaa, pci, soc2, ccpa'))
    .action(async (file: string, flags: InitFlags) => {
      const { existsSync, mkdirSync, statSync } = await import('node:fs');
      const { basename, dirname, resolve } = await import('node:path');
      const target = resolve(file);
      if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`${file} is a folder: name the design file to write, e.g. ${file}/archwright.yaml`);
      if (existsSync(target) && !flags.force) throw new UsageError(`${file} already exists: pass --force to overwrite it`);

      let answers: StarterAnswers;
      try {
        const defaults = answersFromFlags(flags, titleOf(basename(dirname(target))));
        if (flags.yes) answers = defaults;
        else if (process.stdin.isTTY) answers = await promptAnswers(process.stdin, process.stdout, defaults);
        else throw new UsageError('no terminal to ask on: pass --yes with the answers as flags (see archwright init --help)');
      } catch (err) {
        if (err instanceof AnswerError) throw new UsageError(err.message);
        throw err;
      }

      const { starterDesign } = await import('../../init/starter.js');
      const { writeFileAtomic } = await import('../../io/node-host.js');
      const text = starterDesign(answers, { schemaRef: await schemaRefFor(target) });
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, text, { force: flags.force });
      process.stdout.write(`wrote ${file}\nnext: archwright check ${file}  (its findings say what the design still lacks)\n`);
    });
}

function titleOf(folder: string): string {
  const words = folder.replace(/[-_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'My system';
}

function answersFromFlags(flags: InitFlags, defaultName: string): StarterAnswers {
  const functions = parseList(flags.functions ?? '');
  return {
    name: flags.name?.trim() || defaultName,
    purpose: flags.purpose?.trim() || undefined,
    functions,
    scopeIn: flags.scopeIn !== undefined ? parseList(flags.scopeIn) : functions,
    scopeOut: parseList(flags.scopeOut ?? ''),
    users: flags.users !== undefined ? parseUsers(flags.users) : [{ kind: 'end-user' }],
    budget: parseBudget(flags.budget ?? ''),
    deadline: parseDeadline(flags.deadline ?? ''),
    engineers: parseEngineers(flags.engineers ?? ''),
    compliance: parseRegimes(flags.compliance ?? ''),
  };
}

/**
 * Asks the research questions in the method's order (Guide §2: requirements, users,
 * functionality, constraints; §4: compliance early). Enter keeps the default shown
 * in brackets; a bad answer is explained and asked again.
 */
export async function promptAnswers(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, defaults: StarterAnswers): Promise<StarterAnswers> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  // Read through the iterator, which buffers: answers piped in before a question is asked are kept.
  const lines = rl[Symbol.asyncIterator]();
  rl.on('SIGINT', () => rl.close());
  const ask = async <T>(question: string, shown: string, parse: (text: string) => T): Promise<T> => {
    for (;;) {
      rl.setPrompt(`${question}${shown ? ` [${shown}]` : ''}: `);
      rl.prompt();
      const next = await lines.next();
      if (next.done) throw new UsageError('init cancelled: nothing was written');
      const answer = String(next.value);
      try {
        return parse(answer.trim() === '' ? shown : answer);
      } catch (err) {
        if (!(err instanceof AnswerError)) throw err;
        output.write(`  ${err.message}\n`);
      }
    }
  };
  const list = (items: string[]) => items.join(', ');
  try {
    output.write('Research first: what is the system for, who uses it, what must it do, within what limits?\n');
    const name = await ask('System name', defaults.name, (t) => t.trim());
    const purpose = await ask('Purpose, in one sentence', defaults.purpose ?? '', (t) => t.trim() || undefined);
    const users = await ask('Users (kind or kind:name, comma-separated)', list(defaults.users.map((u) => (u.name ? `${u.kind}:${u.name}` : u.kind))), parseUsers);
    const functions = await ask('Key functions it must perform (comma-separated)', list(defaults.functions), parseList);
    const scopeIn = await ask('In scope', list(defaults.scopeIn.length ? defaults.scopeIn : functions), parseList);
    const scopeOut = await ask('Explicitly out of scope', list(defaults.scopeOut), parseList);
    const budget = await ask('Monthly budget (e.g. 4000 EUR)', defaults.budget ? `${defaults.budget.monthly} ${defaults.budget.currency}` : '', parseBudget);
    const deadline = await ask('Deadline (YYYY-MM-DD)', defaults.deadline ?? '', parseDeadline);
    const engineers = await ask('Engineers available', defaults.engineers !== undefined ? String(defaults.engineers) : '', parseEngineers);
    const compliance = await ask('Compliance regimes (gdpr, hipaa, pci, soc2, ccpa, or none)', list(defaults.compliance) || 'none', parseRegimes);
    return { name: name || defaults.name, purpose, users, functions, scopeIn, scopeOut, budget, deadline, engineers, compliance };
  } finally {
    rl.close();
  }
}

/** A path to the shipped schema when both it and the design sit under the working folder; else its published URL. */
async function schemaRefFor(target: string): Promise<string> {
  const { existsSync } = await import('node:fs');
  const { dirname, isAbsolute, relative, resolve } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  // This module may run from dist/cli/commands or from a bundle chunk: look upwards for the package's schema/.
  let dir = dirname(fileURLToPath(import.meta.url));
  let shipped = '';
  for (let up = 0; up < 4 && !existsSync(shipped); up++, dir = dirname(dir)) shipped = resolve(dir, 'schema/archwright.schema.json');
  const inside = (path: string) => {
    const rel = relative(process.cwd(), path);
    return !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (existsSync(shipped) && inside(shipped) && inside(target)) return relative(dirname(target), shipped).split('\\').join('/');
  const { designJsonSchema } = await import('../../model/schema.js');
  return String(designJsonSchema().$id);
}
