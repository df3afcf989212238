/**
 * Parses one YAML or JSON text with js-yaml (the fast path: see DESIGN.md) and
 * builds, in the same pass, an index of where every mapping key, value and
 * sequence item starts, so any path in the document can be located later.
 */
import yaml from 'js-yaml';
import type { DesignError, SourceLocation } from './errors.js';

type Container = Record<string, unknown> | unknown[];

/**
 * Where a container's parts start. For a mapping: [key, keyOffset, valueOffset, …]
 * in document order; for a sequence: the item offsets. One allocation per container.
 */
interface ContainerPositions {
  start: number;
  mapping: boolean;
  parts: unknown[];
}

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
  // A Map, not a WeakMap: the document lives as long as this index, and a large
  // WeakMap makes every garbage collection walk its ephemerons (measured: +20% load time).
  const positions = new Map<object, ContainerPositions>();
  // Flat, preallocated stacks with manual tops: js-yaml reports every scalar, and a
  // 10k-component design has ~1M events; per-node frames doubled the GC time.
  let depth = 0;
  const opens = new Int32Array(512);
  const firstChild = new Int32Array(512);
  let childTop = 0;
  let childOffsets = new Int32Array(1 << 16);
  const childValues: unknown[] = [];
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }): void => {
    if (event === 'open') {
      opens[depth] = state.position;
      firstChild[depth] = childTop;
      depth++;
      return;
    }
    depth--;
    const open = opens[depth];
    const from = firstChild[depth];
    const result = state.result;
    if (result !== null && typeof result === 'object' && !positions.has(result)) {
      if (Array.isArray(result)) {
        positions.set(result, { start: open, mapping: false, parts: Array.from(childOffsets.subarray(from, childTop)) });
      } else if (state.kind === 'mapping') {
        const count = childTop - from;
        const parts: unknown[] = new Array(Math.floor(count / 2) * 3);
        for (let i = 0, j = 0; i + 1 < count; i += 2, j += 3) {
          parts[j] = childValues[from + i];
          parts[j + 1] = childOffsets[from + i];
          parts[j + 2] = childOffsets[from + i + 1];
        }
        positions.set(result, { start: open, mapping: true, parts });
      }
    }
    childTop = from;
    if (childTop === childOffsets.length) {
      const grown = new Int32Array(childOffsets.length * 2);
      grown.set(childOffsets);
      childOffsets = grown;
    }
    childOffsets[childTop] = open;
    childValues[childTop] = result;
    childTop++;
  };

  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: file, schema: SCHEMA, listener, json: file.endsWith('.json') } as yaml.LoadOptions);
  } catch (err) {
    return syntaxError(file, err);
  }

  // Aliases need anchors (&name); without any, the document is a tree of its own size.
  const expanded = text.includes('&') ? countExpandedNodes(doc, limits.maxExpandedNodes) : 0;
  if (expanded > limits.maxExpandedNodes) {
    return {
      code: 'alias-bomb',
      message: `the document expands to more than ${limits.maxExpandedNodes} nodes through YAML aliases`,
      location: { file, line: 1, column: 1 },
      hint: 'remove the repeated aliases (*name) that multiply each other',
    };
  }

  let lineStarts: number[] | undefined;
  const toLocation = (offset: number): SourceLocation => {
    lineStarts ??= computeLineStarts(text);
    const at = skipInsignificant(text, offset);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: at - lineStarts[lo] + 1 };
  };

  const locate = (path: readonly (string | number)[]): SourceLocation => {
    let node: unknown = doc;
    let offset = positions.get(doc as object)?.start ?? 0;
    for (let i = 0; i < path.length; i++) {
      if (node === null || typeof node !== 'object') break;
      const pos = positions.get(node as Container);
      const part = path[i];
      if (!pos) break;
      if (!pos.mapping && typeof part === 'number' && part < pos.parts.length) {
        offset = pos.parts[part] as number;
        node = (node as unknown[])[part];
        continue;
      }
      let found = -1;
      for (let j = 0; j < pos.parts.length; j += 3) {
        if (String(pos.parts[j]) === String(part)) found = j;
      }
      if (!pos.mapping || found < 0) break;
      // The last part names a field: point at its key; otherwise descend into the value.
      offset = (i === path.length - 1 ? pos.parts[found + 1] : pos.parts[found + 2]) as number;
      node = (node as Record<string, unknown>)[String(part)];
    }
    return toLocation(offset);
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

/** Skips spaces, newlines, comments and a block-sequence dash to the first character of a node. */
function skipInsignificant(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i;
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
  let count = 0;
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
  count = visit(root);
  return count;
}
