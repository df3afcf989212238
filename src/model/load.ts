/**
 * Loads a design (see load-core.ts), checking each document against the zod
 * schema where the compiled validators do not accept it, so that every error
 * is worded for the person who wrote it and located at file:line:column.
 */
import type { z } from 'zod';
import type { DesignError } from './errors.js';
import { formatPath, suggestNearest } from './errors.js';
import { DesignSchema, FragmentSchema } from './schema.js';
import type { ParsedSource } from './source.js';
import { loadWithCheck, validateFast, type DesignHost, type LoadOptions, type LoadResult } from './load-core.js';

export { loadPlainDesign, type DesignHost, type DocumentCheck, type LoadOptions, type LoadResult } from './load-core.js';

export function loadDesign(entry: string, host: DesignHost, options: LoadOptions = {}): LoadResult {
  return loadWithCheck(entry, host, options, (parsed, isEntry, errors) =>
    validateFast(parsed, isEntry) ?? validateWithZod(parsed, isEntry ? DesignSchema : FragmentSchema, errors));
}

function validateWithZod(parsed: ParsedSource, schema: z.ZodType, errors: DesignError[]): Record<string, unknown> | undefined {
  const result = schema.safeParse(parsed.doc);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) errors.push(issueToError(issue, parsed, schema));
  return undefined;
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
