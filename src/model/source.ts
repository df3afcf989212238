/**
 * Parses one YAML or JSON text with js-yaml (the fast path: see DESIGN.md) and
 * answers where any path of the document was written, lazily (see locate.ts).
 */
import yaml from 'js-yaml';
import type { DesignError, SourceLocation } from './errors.js';
import { Locator } from './locate.js';

// The core schema keeps dates as strings; merge keys (<<) are allowed for shared defaults.
const SCHEMA = yaml.CORE_SCHEMA.extend([(yaml as unknown as { types: { merge: yaml.Type } }).types.merge]);

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
  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: file, schema: SCHEMA, json: file.endsWith('.json') });
  } catch (err) {
    return syntaxError(file, err);
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
  let lineStarts: number[] | undefined;
  const locate = (path: readonly (string | number)[]): SourceLocation => {
    locator ??= new Locator(text);
    lineStarts ??= computeLineStarts(text);
    const at = locator.offsetOf(path);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: at - lineStarts[lo] + 1 };
  };

  return { file, text, doc, locate };
}

function syntaxError(file: string, err: unknown): DesignError {
  if (err instanceof yaml.YAMLException) {
    const mark = (err as yaml.YAMLException & { mark?: { line: number; column: number } }).mark;
    return {
      code: 'syntax',
      message: `YAML syntax error: ${err.reason}`,
      location: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'syntax', message: `cannot parse: ${message}`, location: { file, line: 1, column: 1 } };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
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
