/**
 * `archwright diff <old> <new>`: compare two versions of a design, each a file
 * or a git revision (`main:archwright.yaml`, `HEAD~3`, or `main` for the other
 * argument's path at that revision); exit 1 when a `--fail-on` gate trips.
 *
 * A large old version is loaded and reviewed in a worker thread while this
 * thread does the new one: a diff costs about one `check`, not two. This same
 * module is the worker's entry, so it works from dist/ and from the bundle alike.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Command, Option } from 'commander';
import type { DesignError } from '../../model/errors.js';
import type { DesignSourceSpec } from '../../io/design-source.js';
import type { DesignSnapshot } from '../../history/snapshot.js';
import type { PackedSnapshot } from '../../history/pack.js';
import { GATES, type Gate } from '../../history/gates.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, useColor } from '../shared.js';

const FORMATS = ['stylish', 'json', 'markdown'];
/** Below this entry-file size a worker's start-up costs more than it saves. */
const PARALLEL_BYTES = 512 * 1024;
const WORKER_FLAG = 'archwright-diff-side';

interface SideJob {
  [WORKER_FLAG]: true;
  spec: DesignSourceSpec;
  today: string;
}

type SideResult = { ok: true; packed: PackedSnapshot } | { ok: false; message: string; errors: DesignError[] };

if (!isMainThread && (workerData as Partial<SideJob> | null)?.[WORKER_FLAG]) void runSideJob(workerData as SideJob);

interface DiffCommandOptions {
  format: string;
  failOn: string[];
  today?: string;
  threads: 'auto' | '1' | '2';
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of a design: elements, requirements, scope creep, findings, capacity, contracts')
    .argument('<old>', 'a design file, REV:PATH (e.g. main:archwright.yaml), or a revision (e.g. main, HEAD~1) for the other side\'s path')
    .argument('<new>', 'a design file, REV:PATH or a revision')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--fail-on <gates>', `exit 1 when a gate trips: ${GATES.join(', ')} (repeatable or comma-separated)`,
      (v: string, acc: string[]) => [...acc, ...v.split(',').map((g) => g.trim()).filter(Boolean)], [] as string[])
    .addOption(new Option('--today <date>', 'judge risk acceptances against this date (YYYY-MM-DD)').hideHelp())
    // 1: both versions in this thread; 2: the old one in a worker; auto: a worker for large designs only.
    .addOption(new Option('--threads <n>', 'threads to load the two versions with').choices(['auto', '1', '2']).default('auto').hideHelp())
    .action(async (oldArg: string, newArg: string, opts: DiffCommandOptions) => {
      for (const gate of opts.failOn) {
        if (!(GATES as readonly string[]).includes(gate)) throw new UsageError(`--fail-on ${gate}: expected one of ${GATES.join(', ')}`);
      }
      const today = opts.today ? new Date(`${opts.today}T00:00:00Z`) : new Date();
      if (Number.isNaN(today.getTime())) throw new UsageError(`--today ${opts.today}: expected YYYY-MM-DD`);

      const { openDesignSource, entrySize } = await import('../../io/design-source.js');
      const [oldSpec, newSpec] = await resolveSources(oldArg, newArg);
      const oldSource = openDesignSource(oldSpec);

      const parallel = opts.threads === 'auto' ? entrySize(oldSpec) >= PARALLEL_BYTES : opts.threads === '2';
      const worker = parallel ? startSideWorker({ [WORKER_FLAG]: true, spec: oldSpec, today: today.toISOString() }) : undefined;
      let before: DesignSnapshot;
      let after: DesignSnapshot;
      try {
        after = await snapshotSide(newSpec, today);
        if (worker) {
          // While the worker finishes the old version, get the new one's JSON ready for the comparison.
          (await import('../../history/pack.js')).prepareForPacked(after);
          before = await unpack(await worker.result);
        } else {
          before = await snapshotSide(oldSpec, today);
        }
      } finally {
        void worker?.stop();
      }

      const { diffSnapshots, diffFormatters, trippedGates } = await import('../../history/index.js');
      const diff = diffSnapshots(before, after);
      if (diff.reviewErrors.length > 0) throw new UsageError('the rule configuration has errors', diff.reviewErrors);
      diff.old.file = oldSource.label;
      diff.new.file = openDesignSource(newSpec).label;
      // Resolved findings point into the old version: name its files as that version does (`main:path`).
      const oldFiles = new Set(before.files);
      for (const { finding } of diff.risk.resolved) {
        if (finding.location && oldFiles.has(finding.location.file)) finding.location = { ...finding.location, file: oldSource.nameFile(finding.location.file) };
      }

      const tripped = trippedGates(diff, opts.failOn as Gate[]);
      process.stdout.write(diffFormatters[opts.format]({ diff, tripped, color: useColor() }));
      process.exitCode = tripped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
}

/** The two arguments as files or revisions; a wrong one is a UsageError. */
async function resolveSources(oldArg: string, newArg: string): Promise<[DesignSourceSpec, DesignSourceSpec]> {
  const { resolveDesignSources, DesignSourceError } = await import('../../io/design-source.js');
  const { GitError } = await import('../../io/git.js');
  try {
    return resolveDesignSources(oldArg, newArg, process.cwd());
  } catch (err) {
    if (err instanceof DesignSourceError || err instanceof GitError) throw new UsageError(err.message);
    throw err;
  }
}

/** Loads one version, reviews it and reduces it to a snapshot; a design that does not load is a UsageError. */
async function snapshotSide(spec: DesignSourceSpec, today: Date): Promise<DesignSnapshot> {
  const { openDesignSource } = await import('../../io/design-source.js');
  const { loadDesign } = await import('../../model/load.js');
  const { snapshotDesign } = await import('../../history/snapshot.js');
  const source = openDesignSource(spec);
  const result = loadDesign(source.path, source.host);
  if (result.errors.length > 0 || !result.design) {
    const errors = result.errors.map((e) => ({ ...e, location: { ...e.location, file: source.nameFile(e.location.file) } }));
    throw new UsageError(`cannot load ${source.label}`, errors);
  }
  return snapshotDesign(result.design, { review: { today } });
}

async function unpack(result: SideResult): Promise<DesignSnapshot> {
  if (!result.ok) throw new UsageError(result.message, result.errors);
  const { unpackSnapshot } = await import('../../history/pack.js');
  return unpackSnapshot(result.packed);
}

function startSideWorker(job: SideJob): { result: Promise<SideResult>; stop: () => Promise<number> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const result = new Promise<SideResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the diff worker stopped (exit ${code}) before it answered`)));
  });
  // When this thread fails first, nobody awaits the answer: that is not an unhandled rejection.
  result.catch(() => undefined);
  return { result, stop: () => worker.terminate() };
}

/** The worker's half: the same work as `snapshotSide`, answered as a packed snapshot (cheap to copy). */
async function runSideJob(job: SideJob): Promise<void> {
  let answer: SideResult;
  try {
    const snapshot = await snapshotSide(job.spec, new Date(job.today));
    const { packSnapshot } = await import('../../history/pack.js');
    answer = { ok: true, packed: packSnapshot(snapshot) };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    answer = { ok: false, message: err.message, errors: err.errors };
  }
  parentPort!.postMessage(answer);
}
