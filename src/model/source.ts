/**
 * Parses one YAML or JSON text with js-yaml (the fast path: see DESIGN.md) and
 * answers where any path of the document was written, lazily (see locate.ts).
 */
import yaml from 'js-yaml';
import type { DesignError, SourceLocation } from './errors.js';
import { readCommonYaml } from './common-yaml.js';
import { LineStarts } from './line-starts.js';
import { Locator } from './locate.js';

// The core schema keeps dates as strings; merge keys (<<) are allowed for shared defaults.
const SCHEMA = yaml.CORE_SCHEMA.extend([(yaml as unknown as { types: { merge: yaml.Type } }).types.merge]);

// The types js-yaml tries, in order, on a plain scalar; the common-YAML reader resolves with them too.
const IMPLICIT = (SCHEMA as unknown as { compiledImplicit: yaml.Type[] }).compiledImplicit;

/** A plain scalar's value exactly as js-yaml resolves it under SCHEMA. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0) | 0x20;
  // Only null, booleans and numbers resolve to anything but text, and none of them starts with
  // another letter: skip the resolvers for most scalars of a design (ids, kinds, protocols).
  if (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66) return text;
  if (text.charCodeAt(0) >= 0x30 && text.charCodeAt(0) <= 0x39) {
    const digits = leadingDigits(text);
    // a whole number as designs write them (no sign, no leading zero): what js-yaml's int type makes of it
    if (digits === text.length && digits <= 15 && (digits === 1 || text.charCodeAt(0) !== 0x30)) return Number(text);
    // a quantity with its unit (4ms, 1200/s, 24 months): no number type takes a character outside these
    if (digits < text.length && !NUMBER_CHAR.test(text[digits])) return text;
    if (/[^0-9a-fA-FxXoObB._+-]/.test(text)) return text;
  }
  for (const type of IMPLICIT) {
    if (type.resolve(text)) return type.construct(text);
  }
  return text;
}

export interface ParsedSource {
  file: string;
  text: string;
  doc: unknown;
  locate(path: readonly (string | number)[]): SourceLocation;
}

export interface ParseLimits {
  /** Upper bound on nodes visited when walking the document with aliases expanded. */
  maxExpandedNodes: number;
}

export function parseSource(file: string, text: string, limits: ParseLimits): ParsedSource | DesignError {
  const json = file.endsWith('.json');
  const common = json ? undefined : readCommonYaml(text, resolvePlain);
  let doc: unknown = common?.doc;
  if (common === undefined) {
    try {
      doc = yaml.load(text, { filename: file, schema: SCHEMA, json });
    } catch (err) {
      return syntaxError(file, err, text);
    }
  }

  // Aliases need anchors (&name); without any, the document is a tree of its own size.
  if (text.includes('&') && countExpandedNodes(doc, limits.maxExpandedNodes) > limits.maxExpandedNodes) {
    return {
      code: 'alias-bomb',
      message: `the document expands to more than ${limits.maxExpandedNodes} nodes through YAML aliases`,
      location: { file, line: 1, column: 1 },
      hint: 'remove the repeated aliases (*name) that multiply each other',
    };
  }

  let locator: Locator | undefined;
  const lineStarts = new LineStarts(text);
  const locate = (path: readonly (string | number)[]): SourceLocation => {
    locator ??= new Locator(text, common?.known);
    const at = locator.offsetOf(path);
    return { file, ...lineStarts.lineAndColumn(at) };
  };

  return { file, text, doc, locate };
}


const NUMBER_CHAR = /^[0-9a-fA-FxXoObB._+-]$/;

function leadingDigits(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

// What js-yaml refuses before parsing: C0/C1 controls, BOM-like non-characters and lone surrogates.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function syntaxError(file: string, err: unknown, text: string): DesignError {
  if (err instanceof yaml.YAMLException) {
    // js-yaml reports this one at the end of the text: point at the character instead.
    const bad = /non-printable/.test(err.reason) ? NON_PRINTABLE.exec(text) : null;
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return { code: 'syntax', message: `YAML syntax error: a non-printable character (U+${code}) in the text`, location: { file, ...lineAndColumn(text, bad.index) } };
    }
    const mark = (err as yaml.YAMLException & { mark?: { line: number; column: number } }).mark;
    // At the end of a text without a final newline js-yaml counts one line too many; stay on the last line.
    const lines = text.split(/\r\n|\r|\n/);
    const line = Math.min((mark?.line ?? 0) + 1, lines.length);
    const column = line === (mark?.line ?? 0) + 1 ? (mark?.column ?? 0) + 1 : lines[line - 1].length + 1;
    return { code: 'syntax', message: `YAML syntax error: ${err.reason}`, location: { file, line, column } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'syntax', message: `cannot parse: ${message}`, location: { file, line: 1, column: 1 } };
}

/** Line and column of an offset, counting line breaks as YAML does (\r\n, \r or \n). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}


/** Counts nodes as a walk with aliases expanded would see them, stopping past `limit`. */
function countExpandedNodes(root: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const visit = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, limit + 1); // a cycle counts as unbounded
    let total = 1;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      total += visit(child);
      if (total > limit) break;
    }
    memo.set(node, total);
    return total;
  };
  return visit(root);
}
