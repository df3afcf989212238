/**
 * A fast reader for the plain YAML that design files are written in: block
 * mappings and sequences indented with spaces, one-line flow collections
 * (`{ id: a, uses: [b, c] }`), plain and one-line quoted scalars, literal and
 * folded block scalars (`|`, `>-`), comments.
 *
 * Why our own: js-yaml is general (it passes the YAML test suite), and its
 * parse was most of a `check` on a large design; on the 10k-component bench
 * design this reader takes ~170 ms cold where js-yaml takes ~290 ms. It gives
 * up on anything else (anchors, aliases, tags, multi-line plain or quoted
 * scalars, multi-line flows, directives, tabs, duplicate or merge keys,
 * unusual indentation, …) by returning undefined, and the caller then parses
 * with js-yaml, which decides and words every error. Whatever it accepts it
 * reads exactly as js-yaml does: plain scalars are resolved by js-yaml's own
 * implicit types (passed in), and property tests compare the two readers on
 * generated and mutated documents (test/model/common-yaml.test.ts).
 */

import {
  BACKSLASH, CLOSE_CURLY, CLOSE_SQUARE, COLON, COMMA, CR, DASH, DQUOTE, GREATER, HASH, OPEN_CURLY, OPEN_SQUARE, PIPE, PLUS, SPACE, SQUOTE,
} from './char-codes.js';

/** Turns a plain scalar's text into its value (null, boolean, number or the text). */
export type PlainResolver = (text: string) => unknown;

// js-yaml rejects these anywhere in a stream (its pattern), and what this reader leaves to it: tabs, byte order marks, lone \r and the line breaks js-yaml treats specially.
// eslint-disable-next-line no-control-regex
const OUTSIDE = /[\t\uFEFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]|\r(?!\n)/;

/** Deeper than any design; js-yaml stops at 100 levels, and this reader must never accept what it refuses. */
const MAX_DEPTH = 50;

/** Strings remembered by Reader.textOf (a power of two). */
const RECENT_SLOTS = 1 << 15;

const GIVE_UP = new Error('outside the common subset of YAML');

export interface CommonYaml {
  /** The mapping at the top of the text. */
  doc: Record<string, unknown>;
  /**
   * Containers whose entries' places are known, keyed by where each container starts: the top
   * mapping (key → where the key and its value start) and each block list directly under it
   * (components:, links:, …: where each item's content starts). The locator then finds a top-level
   * field or list item without scanning for it (see locate.ts).
   */
  known: Map<number, KnownContainer>;
}

/** A mapping's entries by key (where each key and its value start), or a list's item starts. */
export type KnownContainer = Map<string, { at: number; value: number }> | number[];

// Anchors, aliases and tags (&a, *a, !tag where a node starts), and block scalars with an explicit indentation (key: |2).
const NODE_PROPERTY = /(?:^|[ ,[{])[&*!][^ \n\r,\]}]/m;
const INDENTED_BLOCK_SCALAR = /[:-] +[|>][-+]?[1-9]/;

/**
 * Whether the text uses what this reader gives up on and that a quick search finds: then js-yaml
 * reads it at once, instead of after this reader has read up to the first of them (on a large
 * design with a block scalar near its end, that would add most of a read to the load).
 * A false alarm (`*` starting a word of prose) only sends the text to js-yaml.
 */
function usesOtherYaml(text: string): boolean {
  if ((text.includes('&') || text.includes('*') || text.includes('!')) && NODE_PROPERTY.test(text)) return true;
  return (text.includes('|') || text.includes('>')) && INDENTED_BLOCK_SCALAR.test(text);
}

/** The text read, or undefined when it is outside the subset this reader takes. */
export function readCommonYaml(text: string, resolvePlain: PlainResolver): CommonYaml | undefined {
  if (OUTSIDE.test(text) || usesOtherYaml(text)) return undefined;
  try {
    const reader = new Reader(text, resolvePlain);
    return { doc: reader.document(), known: reader.known };
  } catch (err) {
    if (err === GIVE_UP || err instanceof RangeError) return undefined;
    throw err;
  }
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/** Characters a plain scalar may not start with (js-yaml's list); `-` and `?` are checked with what follows. */
function isIndicator(c: number): boolean {
  switch (c) {
    case HASH: case 0x26: case 0x2a: case 0x21: case 0x7c: case 0x3e: case SQUOTE: case DQUOTE:
    case 0x25: case 0x40: case 0x60: case COLON: case 0x3f: case SPACE:
      return true;
    default:
      return isFlowIndicator(c);
  }
}

class Reader {
  private p = 0;
  /** Start of the current line, the end of its content (before \r\n or \n), and its indentation (-1 at the end). */
  private lineStart = 0;
  private end = 0;
  private indent = -1;
  // Searches for ':' and ' #' remember their last answer: a line without one must not send every
  // later search to the end of the text (that would be quadratic in the number of lines).
  private readonly colons: NextMatch;
  private readonly comments: NextMatch;
  private readonly recent: (string | undefined)[] = new Array(RECENT_SLOTS);
  readonly known = new Map<number, KnownContainer>();

  constructor(private readonly s: string, private readonly resolvePlain: PlainResolver) {
    this.colons = new NextMatch(s, ':');
    this.comments = new NextMatch(s, ' #');
  }

  document(): Record<string, unknown> {
    this.seekContent(0);
    if (this.indent === 0 && this.s.startsWith('---', this.p) && this.end === this.p + 3) this.nextLine();
    if (this.indent !== 0) throw GIVE_UP;
    const root = this.blockMapping(0, 1);
    if (!this.atEnd()) throw GIVE_UP;
    return root;
  }

  private atEnd(): boolean {
    return this.indent === -1;
  }

  /** Moves to the first line at or after `from` that holds content (not blank, not only a comment). */
  private seekContent(from: number): void {
    const s = this.s;
    let start = from;
    while (start < s.length) {
      let i = start;
      while (s.charCodeAt(i) === SPACE) i++;
      const nl = s.indexOf('\n', i);
      const eol = nl === -1 ? s.length : nl;
      const c = s.charCodeAt(i);
      if (i < eol && c !== HASH && !(c === CR && i + 1 === eol)) {
        // a document marker or directive at the start of a line ends what this reader takes
        if (i === start && (c === 0x25 || ((c === DASH || c === 0x2e) && (s.startsWith('---', i) || s.startsWith('...', i))))) {
          if (!(start === 0 && s.startsWith('---', i))) throw GIVE_UP;
        }
        this.lineStart = start;
        this.p = i;
        this.end = s.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
        this.indent = i - start;
        return;
      }
      start = eol + 1;
    }
    this.p = s.length;
    this.lineStart = s.length;
    this.end = s.length;
    this.indent = -1;
  }

  /**
   * The text between two offsets, as one string per distinct short text seen lately. Ids, keys and
   * kinds repeat thousands of times in a large design; one string for each means its hash is
   * computed once, and every later map lookup by id (resolve, the rules) skips hashing it again.
   */
  private textOf(start: number, end: number): string {
    const s = this.s;
    const length = end - start;
    if (length > 24 || length === 0) return s.slice(start, end);
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0;
    const slot = (hash ^ (hash >>> 15)) & (RECENT_SLOTS - 1);
    const known = this.recent[slot];
    if (known !== undefined && known.length === length && s.startsWith(known, start)) return known;
    const text = s.slice(start, end);
    this.recent[slot] = text;
    return text;
  }

  private nextLine(): void {
    const nl = this.s.indexOf('\n', this.end);
    this.seekContent(nl === -1 ? this.s.length : nl + 1);
  }

  private isSequenceEntry(): boolean {
    const next = this.p + 1;
    return this.s.charCodeAt(this.p) === DASH && (next === this.end || this.s.charCodeAt(next) === SPACE);
  }

  private skipSpaces(): void {
    while (this.p < this.end && this.s.charCodeAt(this.p) === SPACE) this.p++;
  }

  /** After a value: only spaces and a comment may follow on the line. */
  private endOfLine(): void {
    const before = this.p;
    this.skipSpaces();
    if (this.p === this.end) return;
    if (this.s.charCodeAt(this.p) === HASH && this.p > before) return;
    throw GIVE_UP;
  }

  private blockNode(depth: number): unknown {
    return this.isSequenceEntry() ? this.blockSequence(this.indent, depth) : this.blockMapping(this.p - this.lineStart, depth);
  }

  /** A block mapping whose first key starts at the current position, in column `indent`. */
  private blockMapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const map: Record<string, unknown> = {};
    // the top mapping's keys, as the locator would find them: only plain keys that are their own text
    const start = this.p;
    let places = depth === 1 ? new Map<string, { at: number; value: number }>() : undefined;
    if (places) this.known.set(start, places);
    for (;;) {
      const at = this.p;
      const key = this.blockKey();
      if (places && !(this.s.startsWith(key, at) && this.s.charCodeAt(at + key.length) === COLON)) {
        this.known.delete(start);
        places = undefined;
      }
      this.skipSpaces();
      let value: unknown;
      if (this.p === this.end || this.s.charCodeAt(this.p) === HASH) {
        this.nextLine();
        places?.set(key, { at, value: this.p });
        if (this.indent > indent) value = this.blockNode(depth + 1);
        else if (this.indent === indent && this.isSequenceEntry()) value = this.blockSequence(indent, depth + 1);
        else value = null;
      } else {
        places?.set(key, { at, value: this.p });
        value = this.valueOnLine(indent, depth + 1);
      }
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      map[key] = value;
      if (this.indent < indent) return map;
      if (this.indent > indent || this.isSequenceEntry()) throw GIVE_UP;
    }
  }

  /** A block sequence whose first `-` is at the current position, in column `indent`. */
  private blockSequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const list: unknown[] = [];
    // the top mapping is depth 1, so its lists are depth 2
    const starts: number[] | undefined = depth === 2 ? [] : undefined;
    if (starts) this.known.set(this.p, starts);
    for (;;) {
      this.p++;
      this.skipSpaces();
      if (this.p === this.end || this.s.charCodeAt(this.p) === HASH) {
        this.nextLine();
        starts?.push(this.p);
        list.push(this.indent > indent ? this.blockNode(depth + 1) : null);
      } else {
        starts?.push(this.p);
        if (this.isSequenceEntry()) throw GIVE_UP;
        if (this.startsKey()) {
          list.push(this.blockMapping(this.p - this.lineStart, depth + 1));
        } else {
          list.push(this.valueOnLine(indent, depth + 1));
        }
      }
      if (this.indent === indent && this.isSequenceEntry()) continue;
      if (this.indent <= indent) return list;
      throw GIVE_UP;
    }
  }

  /** Whether the current position starts `key:` (followed by a space or the end of the line). */
  private startsKey(): boolean {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = s.indexOf(c === DQUOTE ? '"' : "'", this.p + 1);
      return close !== -1 && close < this.end && s.charCodeAt(close + 1) === COLON;
    }
    return this.plainKeyEnd() !== -1;
  }

  /** Where the colon after a plain key on this line is, or -1. */
  private plainKeyEnd(): number {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (isIndicator(c) || c === DASH) return -1;
    let i = this.p;
    for (;;) {
      i = this.colons.from(i + 1);
      if (i >= this.end) return -1;
      if (i + 1 === this.end || s.charCodeAt(i + 1) === SPACE) break;
    }
    return this.comments.from(this.p) < i ? -1 : i;
  }

  /** Reads `key:` and leaves the position after the colon. */
  private blockKey(): string {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    let key: string;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted();
      if (s.charCodeAt(this.p) !== COLON) throw GIVE_UP;
    } else {
      const colon = this.plainKeyEnd();
      if (colon === -1 || s.charCodeAt(colon - 1) === SPACE) throw GIVE_UP;
      key = this.plainKey(this.textOf(this.p, colon));
      this.p = colon;
    }
    this.p++;
    if (this.p !== this.end && s.charCodeAt(this.p) !== SPACE) throw GIVE_UP;
    return key;
  }

  /** A plain key as js-yaml stores it: resolved, then made text (`1:` is "1", `null:` is "null"). */
  private plainKey(raw: string): string {
    if (raw === '<<' || raw === '__proto__') throw GIVE_UP;
    return String(this.resolvePlain(raw));
  }

  /**
   * A value that starts on this line: a block scalar (its lines more indented than `parentIndent`),
   * or a value that ends on this line. Leaves the position at the next line with content.
   */
  private valueOnLine(parentIndent: number, depth: number): unknown {
    const c = this.s.charCodeAt(this.p);
    if (c === PIPE || c === GREATER) return this.blockScalar(parentIndent);
    const value = this.inlineValue(depth);
    this.endOfLine();
    this.nextLine();
    return value;
  }

  /**
   * A literal (|) or folded (>) block scalar with its chomping indicator (- strip, + keep, none
   * clip), read as js-yaml reads it. Gives up on an explicit indentation indicator, on empty lines
   * before the first line of text, on an empty scalar, and on more-indented lines in a folded one.
   */
  private blockScalar(parentIndent: number): string {
    const s = this.s;
    const literal = s.charCodeAt(this.p) === PIPE;
    this.p++;
    let chomping = 0;
    const indicator = s.charCodeAt(this.p);
    if (this.p < this.end && (indicator === DASH || indicator === PLUS)) {
      chomping = indicator === DASH ? -1 : 1;
      this.p++;
    }
    this.endOfLine();
    let result = '';
    let textIndent = -1;
    let emptyLines = 0;
    let read = false;
    const nl = s.indexOf('\n', this.end);
    let line = nl === -1 ? s.length : nl + 1;
    while (line < s.length) {
      let i = line;
      while (s.charCodeAt(i) === SPACE) i++;
      const next = s.indexOf('\n', i);
      const eol = next === -1 ? s.length : next;
      const end = eol > i && s.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      const indent = i - line;
      if (textIndent === -1) {
        if (i === end || indent <= parentIndent) throw GIVE_UP;
        textIndent = indent;
      }
      if (i === end && indent <= textIndent) {
        emptyLines++;
      } else if (indent < textIndent) {
        break;
      } else {
        if (literal) {
          if (read) result += '\n'.repeat(1 + emptyLines);
        } else {
          if (indent > textIndent) throw GIVE_UP;
          if (read) result += emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines);
        }
        result += s.slice(line + textIndent, end);
        read = true;
        emptyLines = 0;
      }
      line = eol + 1;
    }
    if (textIndent === -1) throw GIVE_UP;
    if (chomping === 1) result += '\n'.repeat(1 + emptyLines);
    else if (chomping === 0) result += '\n';
    this.seekContent(Math.min(line, s.length));
    return result;
  }

  /** A value that starts on this line and ends on it. */
  private inlineValue(depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (c === OPEN_SQUARE) return this.flowSequence(depth);
    if (c === OPEN_CURLY) return this.flowMapping(depth);
    if (c === DQUOTE || c === SQUOTE) return this.quoted();
    if (isIndicator(c) || (c === DASH && (this.p + 1 === this.end || s.charCodeAt(this.p + 1) === SPACE))) throw GIVE_UP;
    let stop = Math.min(this.end, this.comments.from(this.p));
    while (s.charCodeAt(stop - 1) === SPACE) stop--;
    const raw = this.textOf(this.p, stop);
    // `a: b: c` and `a: b:` are not one plain scalar
    if (raw.includes(': ') || raw.charCodeAt(raw.length - 1) === COLON) throw GIVE_UP;
    this.p = stop;
    return this.plain(raw);
  }

  private plain(raw: string): unknown {
    if (raw === '<<') throw GIVE_UP;
    return this.resolvePlain(raw);
  }

  private flowSequence(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const list: unknown[] = [];
    this.p++;
    this.skipSpaces();
    if (this.s.charCodeAt(this.p) === CLOSE_SQUARE) {
      this.p++;
      return list;
    }
    for (;;) {
      list.push(this.flowValue(depth + 1, false));
      if (this.flowSeparator(CLOSE_SQUARE)) return list;
    }
  }

  private flowMapping(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const s = this.s;
    const map: Record<string, unknown> = {};
    this.p++;
    this.skipSpaces();
    if (s.charCodeAt(this.p) === CLOSE_CURLY) {
      this.p++;
      return map;
    }
    for (;;) {
      const c = s.charCodeAt(this.p);
      const key = c === DQUOTE || c === SQUOTE ? this.quoted() : this.plainKey(this.flowPlain(true));
      if (s.charCodeAt(this.p) !== COLON || s.charCodeAt(this.p + 1) !== SPACE) throw GIVE_UP;
      this.p += 2;
      this.skipSpaces();
      const value = this.flowValue(depth + 1, true);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      map[key] = value;
      if (this.flowSeparator(CLOSE_CURLY)) return map;
    }
  }

  /** After a flow entry: `,` and the next entry (false), or the closing bracket (true). */
  private flowSeparator(close: number): boolean {
    this.skipSpaces();
    const c = this.s.charCodeAt(this.p);
    if (this.p < this.end && c === close) {
      this.p++;
      return true;
    }
    if (this.p >= this.end || c !== COMMA) throw GIVE_UP;
    this.p++;
    this.skipSpaces();
    const next = this.s.charCodeAt(this.p);
    if (this.p >= this.end || next === COMMA || next === close) throw GIVE_UP;
    return false;
  }

  private flowValue(depth: number, inMapping: boolean): unknown {
    const c = this.s.charCodeAt(this.p);
    if (this.p >= this.end) throw GIVE_UP;
    if (c === OPEN_SQUARE) return this.flowSequence(depth);
    if (c === OPEN_CURLY) return this.flowMapping(depth);
    if (c === DQUOTE || c === SQUOTE) return this.quoted();
    const raw = this.flowPlain(false);
    if (!inMapping && this.s.charCodeAt(this.p) === COLON) throw GIVE_UP;
    return this.plain(raw);
  }

  /**
   * A plain scalar inside a flow collection, up to `,`, `]`, `}` or (a key) `: `.
   * Leaves the position after its last non-space character.
   */
  private flowPlain(isKey: boolean): string {
    const s = this.s;
    const start = this.p;
    const c = s.charCodeAt(start);
    if (start >= this.end || isIndicator(c)) throw GIVE_UP;
    if (c === DASH) {
      const next = s.charCodeAt(start + 1);
      if (start + 1 === this.end || next === SPACE || isFlowIndicator(next)) throw GIVE_UP;
    }
    let i = start;
    for (; i < this.end; i++) {
      const ch = s.charCodeAt(i);
      if (ch === COMMA || ch === CLOSE_SQUARE || ch === CLOSE_CURLY) break;
      if (ch === OPEN_SQUARE || ch === OPEN_CURLY) throw GIVE_UP;
      if (ch === HASH && s.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
      if (ch === COLON) {
        const next = i + 1 === this.end ? SPACE : s.charCodeAt(i + 1);
        if (next === SPACE) {
          if (isKey) break;
          throw GIVE_UP;
        }
        if (isFlowIndicator(next)) throw GIVE_UP;
      }
    }
    if (i >= this.end) throw GIVE_UP;
    let stop = i;
    while (s.charCodeAt(stop - 1) === SPACE) stop--;
    if (isKey && stop !== i) throw GIVE_UP;
    this.p = stop;
    return this.textOf(start, stop);
  }

  /** A single- or double-quoted scalar that closes on its own line. */
  private quoted(): string {
    const s = this.s;
    const quote = s.charCodeAt(this.p);
    let out = '';
    let from = this.p + 1;
    let i = from;
    for (;;) {
      if (i >= this.end) throw GIVE_UP;
      const c = s.charCodeAt(i);
      if (c === quote) {
        if (quote === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) {
          out += s.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        out += s.slice(from, i);
        this.p = i + 1;
        return out;
      }
      if (c === BACKSLASH && quote === DQUOTE) {
        out += s.slice(from, i);
        const [text, length] = escape(s, i + 1, this.end);
        out += text;
        i += 1 + length;
        from = i;
        continue;
      }
      i++;
    }
  }
}

/** Where `needle` next occurs at or after a position (the text's length when it does not). */
class NextMatch {
  private searchedFrom = Infinity;
  private found = -1;

  constructor(private readonly s: string, private readonly needle: string) {}

  from(position: number): number {
    if (position < this.searchedFrom || position > this.found) {
      const at = this.s.indexOf(this.needle, position);
      this.found = at === -1 ? this.s.length : at;
      this.searchedFrom = position;
    }
    return this.found;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The text of the escape after a backslash at `at`, and how many characters it took. */
function escape(s: string, at: number, end: number): [string, number] {
  if (at >= end) throw GIVE_UP;
  const c = s[at];
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 1];
  const length = HEX_LENGTH[c];
  if (length === undefined || at + length >= end) throw GIVE_UP;
  const hex = s.slice(at + 1, at + 1 + length);
  if (!/^[0-9A-Fa-f]+$/.test(hex)) throw GIVE_UP;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) throw GIVE_UP;
  return [String.fromCodePoint(code), 1 + length];
}
