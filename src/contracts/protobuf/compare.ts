/**
 * Breaking changes between two versions of a .proto file, by the rules of
 * binary and JSON encoding (buf's WIRE_JSON category, cross-checked in
 * test/contracts/buf-agreement.test.ts), plus what breaks callers though the
 * encoding is unchanged: a removed or renamed service or RPC. Messages and
 * enums are matched by name relative to the package, so a package rename is
 * reported once, not as every message removed.
 */
import type { SourceLocation } from '../../model/errors.js';
import { ChangeCollector } from '../collect.js';
import type { ChangeSeverity, ContractChange, Direction } from '../types.js';
import { isReservedNumber, type ProtobufContract, type ProtoEnum, type ProtoField, type ProtoMessage, type ProtoRpc, type Reserved } from './load.js';

/**
 * Scalar pairs that encode the same on the wire and in JSON (protobuf's
 * "updating a message type" rules, narrowed to those whose JSON form also
 * matches): the signedness of a varint or a fixed-width integer may change.
 */
const COMPATIBLE_SCALARS = [['int32', 'uint32'], ['int64', 'uint64'], ['fixed32', 'sfixed32'], ['fixed64', 'sfixed64']];

/** Every change this module reports (test/fixtures/contracts/proto has a case for each). */
export const PROTOBUF_CHANGES = [
  'package-changed', 'service-removed', 'service-renamed', 'service-added', 'rpc-removed', 'rpc-added',
  'rpc-request-type-changed', 'rpc-response-type-changed', 'rpc-streaming-changed', 'rpc-idempotency-changed',
  'message-removed', 'message-added', 'field-removed', 'field-added', 'field-number-changed', 'field-number-reused',
  'field-renamed', 'field-type-changed', 'field-cardinality-changed', 'field-required-added', 'field-required-changed',
  'field-oneof-changed', 'field-json-name-changed', 'field-default-changed', 'reserved-removed',
  'enum-removed', 'enum-value-removed', 'enum-value-renamed', 'enum-value-added',
] as const;

export function compareProtobuf(before: ProtobufContract, after: ProtobufContract): ContractChange[] {
  const out = new ChangeCollector('protobuf');
  const oldRel = relativiser(before.package);
  const newRel = relativiser(after.package);
  const users = messageUsers(before, oldRel);
  const affected = (message: string) => users.get(message) ?? { operations: [] };

  const add = (id: string, severity: ChangeSeverity, message: string, location: SourceLocation, field?: string, on?: { operations: string[]; direction?: Direction }) => {
    const ops = on?.operations ?? [];
    if (ops.length === 0) out.add({ id, severity, message, location, field, direction: on?.direction });
    for (const operation of ops) out.add({ id, severity, message, location, field, direction: on?.direction, operation });
  };

  if (before.package !== after.package) {
    add('package-changed', 'breaking', `package changed from ${before.package || '(none)'} to ${after.package || '(none)'}; every fully-qualified name changes, so existing callers and Any payloads break.`,
      after.packageLocation, undefined, { operations: before.operations.map((r) => r.key) });
  }

  const newMessages = new Map([...after.messages.values()].map((m) => [newRel(m.fullName), m]));
  for (const o of before.messages.values()) {
    const name = oldRel(o.fullName);
    const n = newMessages.get(name);
    if (!n) {
      add('message-removed', 'info', `message ${name} was removed (a field or RPC that still uses it is reported on its own).`, o.location, name);
      continue;
    }
    compareMessage(name, o, n, oldRel, newRel, add, affected(name));
  }
  for (const n of after.messages.values()) {
    const name = newRel(n.fullName);
    if (![...before.messages.values()].some((m) => oldRel(m.fullName) === name)) add('message-added', 'info', `message ${name} was added.`, n.location, name);
  }

  const newEnums = new Map([...after.enums.values()].map((e) => [newRel(e.fullName), e]));
  for (const o of before.enums.values()) {
    const name = oldRel(o.fullName);
    const n = newEnums.get(name);
    if (!n) add('enum-removed', 'info', `enum ${name} was removed (a field that still uses it is reported on its own).`, o.location, name);
    else compareEnum(name, o, n, add, affected(name));
  }

  compareServices(before, after, oldRel, newRel, add);
  return out.result();
}

type Add = (id: string, severity: ChangeSeverity, message: string, location: SourceLocation, field?: string, on?: { operations: string[]; direction?: Direction }) => void;
type Affected = { operations: string[]; direction?: Direction };

function compareMessage(name: string, o: ProtoMessage, n: ProtoMessage, oldRel: Rel, newRel: Rel, add: Add, on: Affected): void {
  const newByName = new Map([...n.fields.values()].map((f) => [f.name, f]));
  for (const f of o.fields.values()) {
    const g = n.fields.get(f.number);
    const label = `${name}.${f.name}`;
    if (!g) {
      const moved = newByName.get(f.name);
      if (moved) {
        add('field-number-changed', 'breaking', `${label} moved from number ${f.number} to ${moved.number}; encoded messages no longer match.`, moved.location, label, on);
      } else if (isReservedNumber(n.reserved, f.number) && n.reserved.names.has(f.name)) {
        add('field-removed', 'info', `${label} = ${f.number} was removed, its number and name reserved.`, f.location, label, on);
      } else {
        const missing = [isReservedNumber(n.reserved, f.number) ? '' : 'number', n.reserved.names.has(f.name) ? '' : 'name'].filter(Boolean).join(' and ');
        add('field-removed', 'breaking', `${label} = ${f.number} was removed without reserving its ${missing}; the ${missing === 'name' ? 'name can be reused for other JSON data' : 'number can be reused for other data'}.`, f.location, label, on);
      }
      continue;
    }
    compareField(name, f, g, oldRel, newRel, add, on);
  }
  for (const g of n.fields.values()) {
    if (o.fields.has(g.number)) continue;
    const label = `${name}.${g.name}`;
    if (g.cardinality === 'required') add('field-required-added', 'breaking', `${label} = ${g.number} is a new required field; messages from older writers fail to parse.`, g.location, label, on);
    else if (![...o.fields.values()].some((f) => f.name === g.name)) add('field-added', 'info', `${label} = ${g.number} was added.`, g.location, label, on);
  }
  compareReserved(name, o.reserved, n.reserved, n.location, add, on);
}

function compareField(message: string, f: ProtoField, g: ProtoField, oldRel: Rel, newRel: Rel, add: Add, on: Affected): void {
  const label = `${message}.${f.name}`;
  const oldType = typeText(f, oldRel);
  const newType = typeText(g, newRel);
  if (f.name !== g.name) {
    if (oldType === newType) add('field-renamed', 'breaking', `field ${f.number} of ${message} was renamed from ${f.name} to ${g.name}; JSON uses names, so JSON clients break.`, g.location, label, on);
    else add('field-number-reused', 'breaking', `number ${f.number} of ${message} now carries ${g.name} (${newType}) instead of ${f.name} (${oldType}); old data is misread.`, g.location, label, on);
    return;
  }
  if (oldType !== newType) {
    const compatible = f.cardinality !== 'map' && g.cardinality !== 'map' && COMPATIBLE_SCALARS.some(([a, b]) => (oldType === a && newType === b) || (oldType === b && newType === a));
    if (compatible) add('field-type-changed', 'info', `${label} changed type from ${oldType} to ${newType}, which encodes the same on the wire and in JSON.`, g.location, label, on);
    else add('field-type-changed', 'breaking', `${label} changed type from ${oldType} to ${newType}; the wire or JSON encoding differs.`, g.location, label, on);
  }
  const klass = (c: ProtoField['cardinality']) => (c === 'repeated' || c === 'map' ? c : 'singular');
  if (klass(f.cardinality) !== klass(g.cardinality)) {
    add('field-cardinality-changed', 'breaking', `${label} changed from ${f.cardinality} to ${g.cardinality}; encoded values no longer match.`, g.location, label, on);
  }
  if ((f.cardinality === 'required') !== (g.cardinality === 'required')) {
    add('field-required-changed', 'breaking', `${label} is ${g.cardinality === 'required' ? 'now' : 'no longer'} required; ${g.cardinality === 'required' ? 'messages without it fail to parse' : 'older readers reject messages without it'}.`, g.location, label, on);
  }
  if (f.oneof !== g.oneof) {
    add('field-oneof-changed', 'breaking', `${label} moved ${f.oneof ? `out of oneof ${f.oneof}` : ''}${f.oneof && g.oneof ? ' and ' : ''}${g.oneof ? `into oneof ${g.oneof}` : ''}; setting it now clears (or no longer clears) other fields.`, g.location, label, on);
  }
  if (f.jsonName !== g.jsonName) {
    add('field-json-name-changed', 'breaking', `${label} json_name changed from ${f.jsonName ?? '(default)'} to ${g.jsonName ?? '(default)'}; JSON clients break.`, g.location, label, on);
  }
  if (f.defaultValue !== g.defaultValue) {
    add('field-default-changed', 'breaking', `${label} default changed from ${f.defaultValue ?? '(none)'} to ${g.defaultValue ?? '(none)'}; readers see a different value for unset fields.`, g.location, label, on);
  }
}

function compareEnum(name: string, o: ProtoEnum, n: ProtoEnum, add: Add, on: Affected): void {
  for (const [number, names] of o.values) {
    const now = n.values.get(number);
    if (!now) {
      const reserved = isReservedNumber(n.reserved, number) && names.every((v) => n.reserved.names.has(v));
      add('enum-value-removed', reserved ? 'info' : 'breaking',
        `${name}.${names[0]} = ${number} was removed${reserved ? ', its number and name reserved' : ' without reserving its number and name; readers cannot decode it'}.`,
        o.valueLocations.get(names[0]) ?? o.location, `${name}.${names[0]}`, on);
      continue;
    }
    const lost = names.filter((v) => !now.includes(v));
    if (lost.length > 0) {
      add('enum-value-renamed', 'breaking', `${name} value ${number} was renamed from ${lost.join(', ')} to ${now.join(', ')}; JSON uses names, so JSON clients break.`, n.valueLocations.get(now[0]) ?? n.location, `${name}.${lost[0]}`, on);
    }
  }
  for (const [number, names] of n.values) {
    if (!o.values.has(number)) add('enum-value-added', 'info', `${name}.${names[0]} = ${number} was added; consumers that switch over the values may not handle it.`, n.valueLocations.get(names[0]) ?? n.location, `${name}.${names[0]}`, on);
  }
  compareReserved(name, o.reserved, n.reserved, n.location, add, on);
}

function compareReserved(name: string, o: Reserved, n: Reserved, location: SourceLocation, add: Add, on: Affected): void {
  const lostNumbers = o.ranges.filter(([lo, hi]) => {
    for (let i = lo; i <= Math.min(hi, lo + 10_000); i++) if (!isReservedNumber(n, i)) return true;
    return false;
  });
  const lostNames = [...o.names].filter((v) => !n.names.has(v));
  if (lostNumbers.length > 0 || lostNames.length > 0) {
    const what = [...lostNumbers.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo} to ${hi}`)), ...lostNames.map((v) => `"${v}"`)].join(', ');
    add('reserved-removed', 'breaking', `${name} no longer reserves ${what}; they may be reused for other data.`, location, name, on);
  }
}

function compareServices(before: ProtobufContract, after: ProtobufContract, oldRel: Rel, newRel: Rel, add: Add): void {
  const newServices = new Map([...after.services].map(([name, s]) => [newRel(name), s]));
  const oldNames = new Set([...before.services.keys()].map(oldRel));
  const signature = (rpcs: ProtoRpc[], rel: Rel) => rpcs.map((r) => `${r.method}(${rel(r.requestType)})${rel(r.responseType)}`).sort().join(';');
  for (const [fullName, o] of before.services) {
    const name = oldRel(fullName);
    const n = newServices.get(name);
    const ops = { operations: o.rpcs.map((r) => r.key) };
    if (!n) {
      const sig = signature(o.rpcs, oldRel);
      const renamed = [...newServices].find(([other, s]) => !oldNames.has(other) && sig !== '' && signature(s.rpcs, newRel) === sig);
      if (renamed) add('service-renamed', 'breaking', `service ${name} was renamed to ${renamed[0]}; callers address RPCs by the service's full name, so every call fails.`, renamed[1].location, name, ops);
      else add('service-removed', 'breaking', `service ${name} was removed; callers of its ${o.rpcs.length} RPC${o.rpcs.length === 1 ? '' : 's'} get UNIMPLEMENTED.`, o.location, name, ops);
      continue;
    }
    const newRpcs = new Map(n.rpcs.map((r) => [r.method, r]));
    for (const r of o.rpcs) {
      const s = newRpcs.get(r.method);
      const on = { operations: [r.key] };
      if (!s) {
        add('rpc-removed', 'breaking', `${r.name} was removed; its callers get UNIMPLEMENTED.`, r.location, r.name, on);
        continue;
      }
      if (oldRel(r.requestType) !== newRel(s.requestType)) add('rpc-request-type-changed', 'breaking', `${r.name} now takes ${newRel(s.requestType)} instead of ${oldRel(r.requestType)}.`, s.location, r.name, { ...on, direction: 'request' });
      if (oldRel(r.responseType) !== newRel(s.responseType)) add('rpc-response-type-changed', 'breaking', `${r.name} now returns ${newRel(s.responseType)} instead of ${oldRel(r.responseType)}.`, s.location, r.name, { ...on, direction: 'response' });
      if (r.requestStream !== s.requestStream || r.responseStream !== s.responseStream) {
        add('rpc-streaming-changed', 'breaking', `${r.name} changed from ${streaming(r)} to ${streaming(s)}; generated clients call it differently.`, s.location, r.name, on);
      }
      if (r.idempotency !== s.idempotency) {
        add('rpc-idempotency-changed', 'breaking', `${r.name} idempotency_level changed from ${r.idempotency} to ${s.idempotency}; clients that retry or use GET for it behave differently.`, s.location, r.name, on);
      }
    }
    for (const s of n.rpcs) if (!o.rpcs.some((r) => r.method === s.method)) add('rpc-added', 'info', `${s.name} was added.`, s.location, s.name, { operations: [] });
  }
  for (const [name, n] of newServices) {
    if (!oldNames.has(name)) add('service-added', 'info', `service ${name} was added.`, n.location, name);
  }
}

function streaming(r: ProtoRpc): string {
  if (r.requestStream && r.responseStream) return 'bidirectional streaming';
  if (r.requestStream) return 'client streaming';
  if (r.responseStream) return 'server streaming';
  return 'unary';
}

type Rel = (name: string) => string;

function relativiser(pkg: string): Rel {
  const prefix = pkg ? `${pkg}.` : '';
  return (name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name);
}

function typeText(f: ProtoField, rel: Rel): string {
  return f.cardinality === 'map' ? `map<${f.keyType}, ${rel(f.type)}>` : rel(f.type);
}

/** For each message or enum (relative name), the RPCs that send or return it, directly or inside another message. */
function messageUsers(contract: ProtobufContract, rel: Rel): Map<string, Affected> {
  const byName = new Map([...contract.messages.values()].map((m) => [rel(m.fullName), m]));
  const out = new Map<string, { operations: Set<string>; directions: Set<Direction> }>();
  const walk = (start: string, rpc: string, direction: Direction) => {
    const stack = [start];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      let entry = out.get(name);
      if (!entry) out.set(name, (entry = { operations: new Set(), directions: new Set() }));
      entry.operations.add(rpc);
      entry.directions.add(direction);
      for (const f of byName.get(name)?.fields.values() ?? []) stack.push(rel(f.type));
    }
  };
  for (const r of contract.operations) {
    walk(rel(r.requestType), r.key, 'request');
    walk(rel(r.responseType), r.key, 'response');
  }
  return new Map([...out].map(([name, e]) => [name, { operations: [...e.operations].sort(), direction: e.directions.size === 1 ? [...e.directions][0] : undefined }]));
}
