/**
 * A YAML or JSON contract document (OpenAPI, AsyncAPI) parsed with the design
 * loader's parser, so every path can be located, plus internal `$ref` lookup.
 *
 * Why not @apidevtools/swagger-parser (DESIGN.md's choice) or @asyncapi/parser,
 * measured here on bench/contracts.js's 5.5 MB document: swagger-parser 12.1
 * parses it in ~0.5 s but `dereference` and `validate` both fail with "Maximum
 * call stack size exceeded" (its schemas form a 2,000-deep chain of `$ref`s);
 * both libraries resolve `$ref`s by reading files and URLs (I/O the pure core
 * must not do) and keep no source positions; @asyncapi/parser installs ~140
 * packages and takes ~1 s to import. Comparing two versions needs only internal
 * references, which a pointer lookup over the parsed document resolves.
 */
import type { SourceLocation } from '../model/errors.js';
import { parseSource } from '../model/source.js';
import { LineStarts } from '../model/line-starts.js';
import type { ContractError, ContractSource } from './types.js';

export type DocPath = (string | number)[];

export interface JsonDocument {
  file: string;
  text: string;
  doc: Record<string, unknown>;
  locate(path: DocPath): SourceLocation;
  /** What each local `$ref` resolves to (null: nothing), filled as references are followed. */
  refs: Map<string, Located | null>;
}

export function parseDocument(source: ContractSource): JsonDocument | ContractError {
  const parsed = parseSource(source.file, source.text, { maxExpandedNodes: Math.max(100_000, source.text.length) });
  if ('code' in parsed) return { code: 'syntax', message: parsed.message, location: parsed.location };
  if (parsed.doc === null || typeof parsed.doc !== 'object' || Array.isArray(parsed.doc)) {
    return { code: 'invalid', message: 'a contract must be a mapping at the top', location: { file: source.file, line: 1, column: 1 } };
  }
  return { file: source.file, text: source.text, doc: parsed.doc as Record<string, unknown>, locate: parsed.locate, refs: new Map() };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The path a local reference (`#/components/schemas/User`) points at, or undefined for other references. */
export function refPath(ref: string): DocPath | undefined {
  if (!ref.startsWith('#')) return undefined;
  if (ref === '#' || ref === '#/') return [];
  return ref.slice(2).split('/').map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAt(doc: unknown, path: DocPath): unknown {
  let node = doc;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** A node and the path where it is written. */
export interface Located<T = unknown> {
  value: T;
  path: DocPath;
}

/**
 * Follows `$ref`s from a node to what it stands for (at most 32 hops, so a reference loop ends).
 * External references (other files, URLs) are left as they are: the core reads no files.
 */
export function deref(doc: JsonDocument, node: Located): Located {
  let current = node;
  for (let hops = 0; hops < 32 && isRecord(current.value) && typeof current.value.$ref === 'string'; hops++) {
    const target = resolveRef(doc, current.value.$ref);
    if (!target) break;
    current = target;
  }
  return current;
}

/** The node a local reference points at; undefined for references to nothing or to other files. */
export function resolveRef(doc: JsonDocument, ref: string): Located | undefined {
  let target = doc.refs.get(ref);
  if (target === undefined) {
    const path = refPath(ref);
    const value = path ? valueAt(doc.doc, path) : undefined;
    target = path && value !== undefined ? { value, path } : null;
    doc.refs.set(ref, target);
  }
  return target ?? undefined;
}

/**
 * Every local `$ref` in the document that points at nothing, as errors at the reference.
 * Found by scanning the text, not by walking the parsed document: on a 5 MB document
 * the walk (and the garbage it made) cost more than the comparison itself.
 */
export function unresolvedRefs(doc: JsonDocument, limit = 20): ContractError[] {
  const errors: ContractError[] = [];
  const pattern = /["']?\$ref["']?\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s,}\]#][^\s,}\]]*|#[^\s,}\]]*))/g;
  const lineStarts = new LineStarts(doc.text);
  for (let m = pattern.exec(doc.text); m && errors.length < limit; m = pattern.exec(doc.text)) {
    const ref = m[1] !== undefined ? unescapeJson(m[1]) : m[2]?.replace(/''/g, "'") ?? m[3];
    if (!ref.startsWith('#') || resolveRef(doc, ref)) continue;
    errors.push({
      code: 'unresolved-ref', message: `$ref "${ref}" points at nothing in ${doc.file}`,
      location: { file: doc.file, ...lineStarts.lineAndColumn(m.index) },
    });
  }
  return errors;
}

function unescapeJson(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    return quoted;
  }
}
