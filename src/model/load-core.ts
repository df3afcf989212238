/**
 * The loader without zod: reads the entry file and its includes through a host
 * (so the same code runs in Node, tests and the browser), checks each document
 * with the given check, and resolves the whole into a Design. load.ts adds
 * zod's worded errors; loadPlainDesign here needs only the compiled validators,
 * so a command that loads a valid design never loads zod (~30 ms of start-up).
 * Returns structured errors for anything a user wrote wrong; never throws them.
 */
import type { Design, SourceRef } from './design.js';
import type { DesignError, SourceLocation } from './errors.js';
import { dirname, hasGlob, joinPath } from './paths.js';
import type { DesignDoc } from './schema.js';
import { LIST_SECTIONS } from './sections.js';
import { parseSource, type ParsedSource } from './source.js';
import { validateDesign, validateFragment } from './generated/validators.js';
import { resolveDesign, type MergedDoc } from './resolve.js';
import { readContractFiles } from './contract-files.js';

export interface DesignHost {
  /** The file's bytes or text; undefined when it does not exist. Throwing means an I/O error. */
  readFile(path: string): Uint8Array | string | undefined;
  /** Files matching the glob patterns, relative to cwd, as paths joined onto cwd. */
  glob(patterns: string[], cwd: string): string[];
}

export interface LoadOptions {
  /** Largest file accepted, in bytes (default 32 MiB). */
  maxFileBytes?: number;
}

export interface LoadResult {
  design?: Design;
  errors: DesignError[];
  /** Every file read, parsed, for tools that need the text (e.g. positions of other paths). */
  sources: Map<string, ParsedSource>;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Checks one parsed document (the entry when `isEntry`, else an included file): the validated
 * document, or undefined with its errors added to `errors`.
 */
export type DocumentCheck = (parsed: ParsedSource, isEntry: boolean, errors: DesignError[]) => Record<string, unknown> | undefined;

/** A design whose documents all pass the compiled validators; undefined when one needs zod's check (see load.ts). */
export function loadPlainDesign(entry: string, host: DesignHost, options: LoadOptions = {}): LoadResult | undefined {
  try {
    return loadWithCheck(entry, host, options, (parsed, isEntry) => {
      const doc = validateFast(parsed, isEntry);
      if (!doc) throw NEEDS_ZOD;
      return doc;
    });
  } catch (err) {
    if (err === NEEDS_ZOD) return undefined;
    throw err;
  }
}

const NEEDS_ZOD = new Error('a document needs the zod schema check');

export function loadWithCheck(entry: string, host: DesignHost, options: LoadOptions, check: DocumentCheck): LoadResult {
  const sources = new Map<string, ParsedSource>();
  const errors: DesignError[] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const validated = new Map<string, Record<string, unknown>>();
  const order: string[] = [];

  const visit = (file: string, isEntry: boolean, stack: string[], from?: { source: SourceRef; field: (string | number)[] }) => {
    if (stack.includes(file)) {
      const cycle = [...stack.slice(stack.indexOf(file)), file].join(' → ');
      errors.push({ code: 'include-cycle', message: `include cycle: ${cycle}`, location: locateIn(sources, from!.source, from!.field) });
      return;
    }
    if (validated.has(file) || sources.has(file)) return;
    const parsed = readAndParse(file, host, maxBytes, from ? locateIn(sources, from.source, from.field) : undefined);
    if ('code' in parsed) {
      errors.push(parsed);
      return;
    }
    sources.set(file, parsed);
    if (parsed.doc === null || typeof parsed.doc !== 'object' || Array.isArray(parsed.doc)) {
      errors.push({
        code: 'schema',
        message: isEntry ? 'a design must be a mapping with archwright: 1 and system: at the top' : 'an included file must be a mapping of lists (components:, links:, …)',
        location: parsed.locate([]),
      });
      return;
    }
    const doc = check(parsed, isEntry, errors);
    if (!doc) return;
    validated.set(file, doc);
    order.push(file);
    const includes = (doc.include as string[] | undefined) ?? [];
    const dir = dirname(file);
    includes.forEach((pattern, i) => {
      const field = ['include', i];
      const fileSource = { file, path: [] };
      const matches = hasGlob(pattern) ? host.glob([pattern], dir).sort() : [joinPath(dir, pattern)];
      if (matches.length === 0) {
        errors.push({ code: 'include-missing', message: `include "${pattern}" matches no file`, location: parsed.locate(field) });
      }
      for (const match of matches) visit(match, false, [...stack, file], { source: fileSource, field });
    });
  };

  visit(entry, true, []);
  if (errors.length > 0) return { errors, sources };

  const entryDoc = validated.get(entry) as DesignDoc;
  const merged: MergedDoc = {
    file: entry,
    files: order,
    system: { value: entryDoc.system, source: { file: entry, path: ['system'] } },
    lists: Object.fromEntries(LIST_SECTIONS.map((s) => [s, []])) as unknown as MergedDoc['lists'],
    checks: entryDoc.checks,
    capacity: entryDoc.capacity,
  };
  for (const file of order) {
    const doc = validated.get(file)!;
    for (const section of LIST_SECTIONS) {
      const list = doc[section] as unknown[] | undefined;
      if (!list) continue;
      // the validated documents are ours (parsed here, or zod's copies): each item takes its place in them
      const target = merged.lists[section] as { source: SourceRef }[];
      list.forEach((value, i) => {
        const item = value as { source: SourceRef };
        item.source = { file, path: [section, i] };
        target.push(item);
      });
    }
  }
  const locate = (source: SourceRef, field: (string | number)[] = []) => locateIn(sources, source, field);
  const resolved = resolveDesign(merged, locate);
  if (resolved.design) {
    const read = readContractFiles(resolved.design, (path) => host.readFile(path));
    resolved.design.contracts = read.contracts;
    resolved.errors.push(...read.errors);
  }
  return { design: resolved.design, errors: resolved.errors, sources };
}

/**
 * The fast path: ajv's validators compiled from the JSON Schema that the zod
 * schema generates (src/model/generated/validators.ts) check a document in
 * place and fill its defaults — about a third of zod's time on a large design,
 * measured, because zod copies every object. Documents with anchors go to zod:
 * aliases share objects, and the resolver must get a fresh one per element.
 * Returns undefined when the fast path does not accept the document; zod then
 * decides and words the errors (load.ts).
 */
export function validateFast(parsed: ParsedSource, isEntry: boolean): Record<string, unknown> | undefined {
  if (parsed.text.includes('&')) return undefined;
  const doc = parsed.doc as Record<string, unknown>;
  if (!(isEntry ? validateDesign(doc) : validateFragment(doc))) return undefined;
  // ajv fills no defaults inside a union; this is the one default that sits in one.
  for (const c of (doc.components as { instances?: unknown }[] | undefined) ?? []) {
    const inst = c.instances as { min?: number } | undefined;
    if (inst !== null && typeof inst === 'object' && inst.min === undefined) inst.min = 1;
  }
  return doc;
}

function locateIn(sources: Map<string, ParsedSource>, source: SourceRef, field: (string | number)[]): SourceLocation {
  const parsed = sources.get(source.file);
  return parsed ? parsed.locate([...source.path, ...field]) : { file: source.file, line: 1, column: 1 };
}

function readAndParse(file: string, host: DesignHost, maxBytes: number, includedAt?: SourceLocation): ParsedSource | DesignError {
  const at: SourceLocation = { file, line: 1, column: 1 };
  let raw: Uint8Array | string | undefined;
  try {
    raw = host.readFile(file);
  } catch (err) {
    return { code: 'io', message: `cannot read ${file}: ${(err as Error).message ?? err}`, location: includedAt ?? at };
  }
  if (raw === undefined) {
    return includedAt
      ? { code: 'include-missing', message: `included file not found: ${file}`, location: includedAt }
      : { code: 'io', message: `file not found: ${file}`, location: at, hint: 'name an existing design file, or run archwright init to start one' };
  }
  const size = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (size > maxBytes) {
    return { code: 'too-large', message: `${file} is ${size} bytes, over the limit of ${maxBytes}`, location: at, hint: 'split the design with include:' };
  }
  let text: string;
  if (typeof raw === 'string') {
    text = raw;
  } else {
    if (raw.subarray(0, 8192).includes(0)) {
      return { code: 'binary', message: `${file} is a binary file, not YAML or JSON`, location: at };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return { code: 'binary', message: `${file} is not valid UTF-8 text`, location: at };
    }
  }
  if (text.includes('\u0000')) {
    return { code: 'binary', message: `${file} contains NUL characters: not a text file`, location: at };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return { code: 'empty', message: `${file} is empty`, location: at, hint: 'run archwright init to start a design' };
  }
  return parseSource(file, text, { maxExpandedNodes: Math.max(100_000, text.length) });
}
