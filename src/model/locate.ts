/**
 * Finds where a path of a parsed YAML/JSON document was written, by scanning
 * the text lazily along that path only.
 *
 * Why not positions from the parser: js-yaml has no node ranges, and its
 * `listener` hook fires for every node — on a 10k-component design that index
 * cost more than the parse itself (measured: +45% load time, mostly GC), while
 * a review only ever asks for the places it reports. Each container opened here
 * is scanned once and memoised, so locating many paths stays linear in the text.
 * The result is checked against the `yaml` library's exact ranges in the tests.
 */

import type { KnownContainer } from './common-yaml.js';
import { CR, HASH, LF, SPACE, TAB } from './char-codes.js';

interface Entry {
  /** Where the key (mappings) or the item (sequences) starts. */
  at: number;
  /** Where the value starts. */
  value: number;
}

interface Container {
  entry(key: string): Entry | undefined;
}

function containerOf(entries: ReadonlyMap<string, Entry>): Container {
  return { entry: (key) => entries.get(key) };
}


export class Locator {
  private readonly memo = new Map<number, Container | null>();
  private readonly root: number;

  /**
   * `known`: containers whose entries' places are already known (from the reader, see
   * common-yaml.ts), keyed by where each starts, so that finding an entry in them scans nothing.
   */
  constructor(private readonly text: string, known?: ReadonlyMap<number, KnownContainer>) {
    this.root = this.skipPreamble();
    for (const [at, entries] of known ?? []) {
      this.memo.set(at, Array.isArray(entries)
        ? {
            entry: (key) => {
              const offset = entries[Number(key)];
              return offset === undefined ? undefined : { at: offset, value: offset };
            },
          }
        : containerOf(entries));
    }
  }

  /** Offset of the path's last part: a key for mapping fields, the item start for list items. */
  offsetOf(path: readonly (string | number)[]): number {
    let offset = this.root;
    for (let i = 0; i < path.length; i++) {
      const container = this.open(offset);
      const entry = container?.entry(String(path[i]));
      if (!entry) return offset;
      offset = i === path.length - 1 ? entry.at : entry.value;
    }
    return offset;
  }

  private open(offset: number): Container | null {
    let known = this.memo.get(offset);
    if (known !== undefined) return known;
    this.memo.set(offset, null); // an alias that leads back here ends the walk
    const start = this.skipProperties(offset);
    const c = this.text.charCodeAt(start);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) known = this.scanFlow(start);
    else if (c === 0x2a /* * */) known = this.open(this.anchorOf(start));
    else if (c === 0x2d /* - */ && this.isBlank(start + 1)) known = this.scanBlockSequence(start);
    else if (this.keyEnd(start) > 0) known = this.scanBlockMapping(start);
    else known = null;
    this.memo.set(offset, known);
    return known;
  }

  private scanBlockMapping(start: number): Container {
    const { text } = this;
    const indent = start - this.lineStart(start);
    const entries = new Map<string, Entry>();
    let pos = start;
    let first = true;
    while (pos < text.length) {
      if (!first) {
        const lineIndent = this.indentAt(pos);
        const at = pos + lineIndent;
        if (this.isBlankLine(at)) {
          pos = this.nextLine(pos);
          continue;
        }
        if (lineIndent < indent || (lineIndent === 0 && this.isDocumentMarker(at))) break;
        if (lineIndent > indent || text.charCodeAt(at) === 0x2d /* - */) {
          pos = this.nextLine(pos);
          continue;
        }
        pos = at;
      }
      first = false;
      const end = this.keyEnd(pos);
      if (end < 0) break;
      const key = this.keyText(pos, end);
      if (!entries.has(key)) entries.set(key, { at: pos, value: this.skipInsignificant(end + 1) });
      pos = this.nextLine(end);
    }
    return containerOf(entries);
  }

  private scanBlockSequence(start: number): Container {
    const { text } = this;
    const indent = start - this.lineStart(start);
    const entries = new Map<string, Entry>();
    let pos = start;
    let index = 0;
    let first = true;
    while (pos < text.length) {
      let at = pos;
      if (!first) {
        const lineIndent = this.indentAt(pos);
        at = pos + lineIndent;
        if (this.isBlankLine(at)) {
          pos = this.nextLine(pos);
          continue;
        }
        if (lineIndent < indent || (lineIndent === 0 && this.isDocumentMarker(at))) break;
        if (lineIndent > indent) {
          pos = this.nextLine(pos);
          continue;
        }
        if (text.charCodeAt(at) !== 0x2d || !this.isBlank(at + 1)) break;
      }
      first = false;
      const value = this.skipInsignificant(at + 1);
      entries.set(String(index++), { at: value, value });
      pos = this.nextLine(at);
    }
    return containerOf(entries);
  }

  /** A flow collection: entries split on commas at depth one, keys before a colon. */
  private scanFlow(start: number): Container {
    const { text } = this;
    const mapping = text.charCodeAt(start) === 0x7b;
    const entries = new Map<string, Entry>();
    let depth = 0;
    let index = 0;
    let entryStart = -1;
    let keyDone = false;
    // A quote starts a quoted scalar only where a node can start: after { [ , : or
    // at the start; inside a plain scalar (`[A"]`) it is an ordinary character.
    let previous = 0x7b;
    let afterQuoted = false;
    let spaced = false;
    let colonAfterQuoted = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const nodeCanStart = previous === 0x7b || previous === 0x5b || previous === 0x2c || (previous === 0x3a && (spaced || colonAfterQuoted));
      if ((c === 0x22 /* " */ || c === 0x27 /* ' */) && nodeCanStart) {
        if (depth === 1 && entryStart < 0) entryStart = i;
        i = this.quotedEnd(i) - 1;
        previous = c;
        afterQuoted = true;
        spaced = false;
        continue;
      }
      if (c === HASH && (i === 0 || isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === LF)) {
        i = this.lineEnd(i) - 1;
        continue;
      }
      if (isSpace(c) || c === LF || c === CR) {
        spaced = true;
      } else {
        const wasQuoted = afterQuoted;
        afterQuoted = false;
        colonAfterQuoted = c === 0x3a && wasQuoted;
        spaced = false;
        previous = c;
        if (c === 0x7b || c === 0x5b) {
          depth++;
          if (depth === 2 && entryStart < 0) entryStart = i;
          if (depth === 1) continue;
        } else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            if (entryStart >= 0 && !mapping) entries.set(String(index++), { at: entryStart, value: entryStart });
            break;
          }
        } else if (depth === 1) {
          if (c === 0x2c /* , */) {
            if (entryStart >= 0 && !mapping) entries.set(String(index++), { at: entryStart, value: entryStart });
            entryStart = -1;
            keyDone = false;
            continue;
          }
          // JSON writes "key":value with nothing after the colon; plain keys need a space.
          if (mapping && c === 0x3a /* : */ && entryStart >= 0 && !keyDone && (wasQuoted || this.isFlowValueIndicator(i + 1))) {
            const key = this.keyText(entryStart, i);
            if (!entries.has(key)) entries.set(key, { at: entryStart, value: this.skipInsignificant(i + 1) });
            keyDone = true;
            continue;
          }
          if (entryStart < 0) entryStart = i;
        }
      }
    }
    return containerOf(entries);
  }

  /** End (the colon) of a block mapping key starting at pos on its line, or -1. */
  private keyEnd(pos: number): number {
    const { text } = this;
    let i = pos;
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = this.quotedEnd(i);
      while (text.charCodeAt(i) === SPACE) i++;
      return text.charCodeAt(i) === 0x3a && this.isBlank(i + 1) ? i : -1;
    }
    if (c === 0x2d && this.isBlank(pos + 1)) return -1;
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === LF || ch === CR) return -1;
      if (ch === HASH && isSpace(text.charCodeAt(i - 1))) return -1;
      if (ch === 0x3a && this.isBlank(i + 1)) return i;
    }
    return -1;
  }

  private keyText(start: number, end: number): string {
    const raw = this.text.slice(start, end).trim();
    const q = raw.charCodeAt(0);
    if ((q === 0x22 || q === 0x27) && raw.length >= 2 && raw.charCodeAt(raw.length - 1) === q) {
      const inner = raw.slice(1, -1);
      return q === 0x27 ? inner.replace(/''/g, "'") : inner.replace(/\\(.)/g, '$1');
    }
    return raw;
  }

  private quotedEnd(start: number): number {
    const { text } = this;
    const q = text.charCodeAt(start);
    for (let i = start + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (q === 0x22 && c === 0x5c /* \ */) i++;
      else if (c === q) {
        if (q === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
        else return i + 1;
      }
    }
    return text.length;
  }

  /** Skips anchors (&a) and tags (!!map) in front of a node. */
  private skipProperties(pos: number): number {
    const { text } = this;
    let i = pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== 0x26 /* & */ && c !== 0x21 /* ! */) return i;
      while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== LF) i++;
      i = this.skipInsignificant(i);
    }
  }

  private anchorOf(aliasAt: number): number {
    const { text } = this;
    let end = aliasAt + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end)) && !',]}\n\r'.includes(text[end])) end++;
    const anchor = `&${text.slice(aliasAt + 1, end)}`;
    const at = text.lastIndexOf(anchor, aliasAt);
    return at < 0 ? aliasAt : this.skipInsignificant(at + anchor.length);
  }

  private skipPreamble(): number {
    let pos = this.skipInsignificant(0);
    // directives (%YAML) and a document start marker
    while (this.text.charCodeAt(pos) === 0x25 /* % */) pos = this.skipInsignificant(this.lineEnd(pos));
    if (this.isDocumentMarker(pos)) pos = this.skipInsignificant(pos + 3);
    return pos;
  }

  /** Skips spaces, newlines and comments. */
  skipInsignificant(pos: number): number {
    const { text } = this;
    let i = pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === LF || c === CR) i++;
      else if (c === HASH) i = this.lineEnd(i);
      else break;
    }
    return i;
  }

  private isFlowValueIndicator(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    return Number.isNaN(c) || isSpace(c) || c === LF || c === CR || c === 0x2c || c === 0x7d || c === 0x5d || c === 0x7b || c === 0x5b;
  }

  private isBlank(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    return Number.isNaN(c) || c === SPACE || c === TAB || c === LF || c === CR;
  }

  private isBlankLine(at: number): boolean {
    const c = this.text.charCodeAt(at);
    return Number.isNaN(c) || c === LF || c === CR || c === HASH;
  }

  private isDocumentMarker(at: number): boolean {
    const m = this.text.slice(at, at + 3);
    return (m === '---' || m === '...') && this.isBlank(at + 3);
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  private lineStart(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  private lineEnd(pos: number): number {
    const i = this.text.indexOf('\n', pos);
    return i < 0 ? this.text.length : i;
  }

  private nextLine(pos: number): number {
    const i = this.text.indexOf('\n', pos);
    return i < 0 ? this.text.length : i + 1;
  }
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}
