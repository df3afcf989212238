/**
 * Where each declaration of a .proto file is written. protobufjs's parser keeps
 * no line numbers, so a light scan (comments and strings blanked, braces
 * tracked) finds them: packages, messages, enums, services, fields, enum values, rpcs.
 */
import type { SourceLocation } from '../../model/errors.js';
import { LineStarts } from '../../model/line-starts.js';

export interface ProtoPositions {
  /** `package`, `message:a.b.M`, `field:a.b.M:name`, `enum:a.b.E`, `value:a.b.E:NAME`, `service:a.b.S`, `rpc:a.b.S:Get`. */
  locate(key: string): SourceLocation;
}

interface Scope {
  kind: 'message' | 'enum' | 'service' | 'oneof' | 'other';
  /** Full name of the enclosing message, enum or service (for oneof: its message). */
  name: string;
}

interface Token {
  text: string;
  offset: number;
}

const DECLARING = new Set(['option', 'reserved', 'extensions', 'message', 'enum', 'oneof', 'extend', 'service', 'rpc', 'import', 'syntax', 'edition', 'package']);

export function indexProto(file: string, text: string, pkg: string): ProtoPositions {
  const offsets = new Map<string, number>();
  const clean = blankCommentsAndStrings(text);
  const scopes: Scope[] = [{ kind: 'other', name: pkg }];
  let statement: Token[] = [];
  const qualify = (name: string) => {
    const parent = [...scopes].reverse().find((s) => s.kind !== 'other' || s === scopes[0]);
    const base = parent?.name ?? pkg;
    return base ? `${base}.${name}` : name;
  };
  const set = (key: string, offset: number) => {
    if (!offsets.has(key)) offsets.set(key, offset);
  };

  const endStatement = (opensBlock: boolean) => {
    const first = statement[0]?.text;
    const scope = scopes[scopes.length - 1];
    let pushed: Scope | undefined;
    if (first === 'package' && statement[1]) set('package', statement[0].offset);
    else if ((first === 'message' || first === 'enum' || first === 'service') && statement[1] && opensBlock) {
      const name = qualify(statement[1].text);
      set(`${first}:${name}`, statement[0].offset);
      pushed = { kind: first, name };
    } else if (first === 'oneof' && opensBlock && scope.kind === 'message') {
      pushed = { kind: 'oneof', name: scope.name };
    } else if (first === 'rpc' && statement[1] && scope.kind === 'service') {
      set(`rpc:${scope.name}:${statement[1].text}`, statement[0].offset);
    } else if (first === 'reserved' && (scope.kind === 'message' || scope.kind === 'enum')) {
      set(`reserved:${scope.name}`, statement[0].offset);
    } else if (first && !DECLARING.has(first)) {
      const eq = statement.findIndex((t) => t.text === '=');
      if (eq > 0 && (scope.kind === 'message' || scope.kind === 'oneof')) set(`field:${scope.name}:${statement[eq - 1].text}`, statement[0].offset);
      else if (eq === 1 && scope.kind === 'enum') set(`value:${scope.name}:${first}`, statement[0].offset);
    }
    if (opensBlock) scopes.push(pushed ?? { kind: 'other', name: scope.name });
    statement = [];
  };

  const tokenPattern = /[A-Za-z_.][A-Za-z0-9_.]*|-?\d[\w.+-]*|[{};=<>(),[\]]/g;
  for (let m = tokenPattern.exec(clean); m; m = tokenPattern.exec(clean)) {
    const tok = m[0];
    if (tok === ';') endStatement(false);
    else if (tok === '{') endStatement(true);
    else if (tok === '}') {
      statement = [];
      if (scopes.length > 1) scopes.pop();
    } else statement.push({ text: tok, offset: m.index });
  }

  const lineStarts = new LineStarts(text);
  const toLocation = (offset: number): SourceLocation => ({ file, ...lineStarts.lineAndColumn(offset) });
  return { locate: (key) => toLocation(offsets.get(key) ?? 0) };
}

/** Replaces comments and string contents with spaces, keeping every offset. */
function blankCommentsAndStrings(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
}
