/**
 * Loads a design: reads the entry file and its includes through a host (so
 * the same code runs in Node, tests and the browser), validates each file
 * against the zod schema, and resolves the whole into a Design.
 * Returns structured errors for anything a user wrote wrong; never throws them.
 */
import type { z } from 'zod';
import type { Design, SourceRef } from './design.js';
import type { DesignError, SourceLocation } from './errors.js';
import { formatPath, suggestNearest } from './errors.js';
import { dirname, hasGlob, joinPath } from './paths.js';
import { DesignSchema, FragmentSchema, LIST_SECTIONS, type DesignDoc } from './schema.js';
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

export function loadDesign(entry: string, host: DesignHost, options: LoadOptions = {}): LoadResult {
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
    const schema = isEntry ? DesignSchema : FragmentSchema;
    if (parsed.doc === null || typeof parsed.doc !== 'object' || Array.isArray(parsed.doc)) {
      errors.push({
        code: 'schema',
        message: isEntry ? 'a design must be a mapping with archwright: 1 and system: at the top' : 'an included file must be a mapping of lists (components:, links:, …)',
        location: parsed.locate([]),
      });
      return;
    }
    const doc = validateFast(parsed, isEntry) ?? validateWithZod(parsed, schema, errors);
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
      const target = merged.lists[section] as { value: unknown; source: SourceRef }[];
      list.forEach((value, i) => target.push({ value, source: { file, path: [section, i] } }));
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
 * decides and words the errors.
 */
function validateFast(parsed: ParsedSource, isEntry: boolean): Record<string, unknown> | undefined {
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

function validateWithZod(parsed: ParsedSource, schema: z.ZodType, errors: DesignError[]): Record<string, unknown> | undefined {
  const result = schema.safeParse(parsed.doc);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) errors.push(issueToError(issue, parsed, schema));
  return undefined;
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

type Issue = z.core.$ZodIssue;

function issueToError(issue: Issue, parsed: ParsedSource, schema: z.ZodType): DesignError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = formatPath(path) || '(top level)';
  const found = valueAt(parsed.doc, path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const knownKeys = knownKeysAt(schema, path);
    const nearest = suggestNearest(key, knownKeys);
    return {
      code: 'schema',
      message: `${where}: unknown field "${key}"${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : ''}`,
      location: parsed.locate([...path, key]),
      path: formatPath([...path, key]),
      hint: nearest ? `did you mean "${nearest}"?` : knownKeys.length ? `known fields: ${knownKeys.join(', ')}` : undefined,
    };
  }
  if (issue.code === 'invalid_type' && found === undefined) {
    return { code: 'schema', message: `${where}: required field is missing (expected ${typeName(issue.expected)})`, location: parsed.locate(path.slice(0, -1)), path: where };
  }
  if (issue.code === 'invalid_type') {
    const hint = issue.expected === 'string' && typeof found === 'number' ? 'a quantity needs its unit (4ms, 1200/s, 12%/month); other text can be quoted' : undefined;
    return { code: 'schema', message: `${where}: expected ${typeName(issue.expected)}, found ${describe(found)}`, location: parsed.locate(path), path: where, hint };
  }
  if (issue.code === 'invalid_format' || (issue.code === 'custom' && typeof found === 'string')) {
    const isUnit = /duration|rate|percentage|growth|horizon|count/.test(issue.message);
    return { code: isUnit ? 'unit' : 'schema', message: `${where}: expected ${issue.message}, found ${describe(found)}`, location: parsed.locate(path), path: where };
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v));
    const nearest = typeof found === 'string' ? suggestNearest(found, issue.values.map(String)) : undefined;
    return {
      code: 'schema', message: `${where}: expected one of ${options.join(', ')}, found ${describe(found)}`,
      location: parsed.locate(path), path: where, hint: nearest ? `did you mean "${nearest}"?` : undefined,
    };
  }
  if (issue.code === 'invalid_union') {
    const branch = issue.errors.map((errs) => errs[0]).filter(Boolean).find((e) => e.code !== 'invalid_type') ?? issue.errors[0]?.[0];
    if (branch) return issueToError({ ...branch, path: [...issue.path, ...branch.path] } as Issue, parsed, schema);
  }
  const message = issue.message
    .replace(/^Invalid input: /, '')
    .replace(/^Too (?:small|big): expected (\w+) to (be|have) /, (_, type: string, verb: string) => `expected ${typeName(type)}${verb === 'have' ? ' with' : ''} `);
  return { code: 'schema', message: `${where}: ${message}${found !== undefined ? `, found ${describe(found)}` : ''}`, location: parsed.locate(path), path: where };
}

/** A zod type name as a person writing YAML would say it. */
function typeName(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[type] ?? type;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function valueAt(doc: unknown, path: (string | number)[]): unknown {
  let node = doc;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Field names the schema allows at a path, for "did you mean" on unknown fields. */
function knownKeysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: { type?: string; innerType?: unknown; getter?: () => unknown; options?: unknown[]; element?: unknown } };
    for (let i = 0; i < 10 && node?.def; i++) {
      const def = node.def;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') node = def.innerType as typeof node;
      else if (def.type === 'lazy' && def.getter) node = def.getter() as typeof node;
      else break;
    }
    return node;
  };
  const shapeOf = (s: unknown): Record<string, unknown> | undefined => {
    const node = unwrap(s) as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } };
    if (node?.def?.type === 'object') return node.def.shape;
    if (node?.def?.type === 'union') {
      for (const option of node.def.options ?? []) {
        const shape = shapeOf(option);
        if (shape) return shape;
      }
    }
    return undefined;
  };
  for (const part of path) {
    const node = unwrap(current) as { def?: { type?: string; element?: unknown; valueType?: unknown; options?: unknown[] } };
    if (typeof part === 'number') {
      if (node?.def?.type === 'array') current = node.def.element;
      else return [];
    } else if (node?.def?.type === 'record') {
      current = node.def.valueType;
    } else {
      const shape = shapeOf(node);
      if (!shape || !(part in shape)) return [];
      current = shape[part];
    }
  }
  const shape = shapeOf(current);
  return shape ? Object.keys(shape) : [];
}
