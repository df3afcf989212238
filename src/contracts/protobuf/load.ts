/** Reads a .proto file (protobufjs `parse`) into its services, RPCs, messages and enums. */
import protobuf from 'protobufjs';
import type { SourceLocation } from '../../model/errors.js';
import type { Contract, ContractError, ContractOperation, ContractSource } from '../types.js';
import { indexProto } from './positions.js';

export const SCALARS = new Set(['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes']);

export type Cardinality = 'implicit' | 'optional' | 'required' | 'repeated' | 'map';

export interface ProtoField {
  name: string;
  number: number;
  /** A scalar (`int32`) or the full name of a message or enum (`acme.users.v1.User`). */
  type: string;
  /** For map fields, the key's scalar type. */
  keyType?: string;
  cardinality: Cardinality;
  /** The real oneof it belongs to (proto3 `optional` makes a synthetic one, which does not count). */
  oneof?: string;
  jsonName?: string;
  defaultValue?: string;
  location: SourceLocation;
}

export interface Reserved {
  ranges: [number, number][];
  names: Set<string>;
}

export interface ProtoMessage {
  fullName: string;
  fields: Map<number, ProtoField>;
  reserved: Reserved;
  location: SourceLocation;
}

export interface ProtoEnum {
  fullName: string;
  /** Names by number (aliases share a number). */
  values: Map<number, string[]>;
  /** Where each value (by name) is written. */
  valueLocations: Map<string, SourceLocation>;
  reserved: Reserved;
  location: SourceLocation;
}

export interface ProtoRpc extends ContractOperation {
  service: string;
  method: string;
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
  idempotency: string;
}

export interface ProtobufContract extends Contract {
  kind: 'protobuf';
  package: string;
  packageLocation: SourceLocation;
  messages: Map<string, ProtoMessage>;
  enums: Map<string, ProtoEnum>;
  services: Map<string, { location: SourceLocation; rpcs: ProtoRpc[] }>;
  operations: ProtoRpc[];
}

export function loadProtobuf(source: ContractSource): { contract?: ProtobufContract; errors: ContractError[] } {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(source.text, { keepCase: true, alternateCommentMode: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = /\(line (\d+)\)/.exec(message);
    return { errors: [{ code: 'syntax', message: `protobuf syntax error: ${message.replace(/\s*\(line \d+\)/, '')}`, location: { file: source.file, line: line ? Number(line[1]) : 1, column: 1 } }] };
  }
  const pkg = parsed.package ?? '';
  const positions = indexProto(source.file, source.text, pkg);
  const syntax = /^\s*(?:syntax|edition)\s*=\s*["']([^"']+)["']/m.exec(source.text)?.[1] ?? 'proto2';
  const messages = new Map<string, ProtoMessage>();
  const enums = new Map<string, ProtoEnum>();
  const services: ProtobufContract['services'] = new Map();
  const operations: ProtoRpc[] = [];

  const visit = (ns: protobuf.NamespaceBase) => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Type) {
        messages.set(fullName(child), readMessage(child, syntax, positions.locate));
      } else if (child instanceof protobuf.Enum) {
        const name = fullName(child);
        const values = new Map<number, string[]>();
        for (const [value, number] of Object.entries(child.values)) values.set(number, [...(values.get(number) ?? []), value]);
        const valueLocations = new Map(Object.keys(child.values).map((v) => [v, positions.locate(`value:${name}:${v}`)]));
        enums.set(name, { fullName: name, values, valueLocations, reserved: readReserved(child.reserved), location: positions.locate(`enum:${name}`) });
      } else if (child instanceof protobuf.Service) {
        const name = fullName(child);
        const rpcs = child.methodsArray.map((m) => readRpc(child, m, name, positions.locate));
        services.set(name, { location: positions.locate(`service:${name}`), rpcs });
        operations.push(...rpcs);
      }
      if (child instanceof protobuf.Namespace) visit(child);
    }
  };
  visit(parsed.root);
  return {
    contract: {
      kind: 'protobuf', file: source.file, version: syntax, protocols: ['grpc'], operations,
      package: pkg, packageLocation: positions.locate('package'), messages, enums, services,
    },
    errors: [],
  };
}

function fullName(obj: protobuf.ReflectionObject): string {
  return obj.fullName.replace(/^\./, '');
}

function readMessage(type: protobuf.Type, syntax: string, locate: (key: string) => SourceLocation): ProtoMessage {
  const name = fullName(type);
  const fields = new Map<number, ProtoField>();
  for (const f of type.fieldsArray) {
    const options = (f.options ?? {}) as Record<string, unknown>;
    const isMap = f instanceof protobuf.MapField;
    const oneof = f.partOf && !options.proto3_optional ? f.partOf.name : undefined;
    // `rule`, not `required`: protobufjs derives the latter from edition features, unresolved after a bare parse.
    const rule = (f as unknown as { rule?: string }).rule;
    let cardinality: Cardinality = isMap ? 'map' : rule === 'repeated' ? 'repeated' : rule === 'required' ? 'required' : 'implicit';
    if (cardinality === 'implicit' && (options.proto3_optional || syntax === 'proto2' || resolveType(type, f.type).kind === 'message')) cardinality = 'optional';
    fields.set(f.id, {
      name: f.name, number: f.id, type: resolveType(type, f.type).name, keyType: isMap ? (f as protobuf.MapField).keyType : undefined,
      cardinality, oneof,
      jsonName: typeof options.json_name === 'string' ? options.json_name : undefined,
      defaultValue: options.default !== undefined ? String(options.default) : undefined,
      location: locate(`field:${name}:${f.name}`),
    });
  }
  return { fullName: name, fields, reserved: readReserved(type.reserved), location: locate(`message:${name}`) };
}

function readRpc(service: protobuf.Service, m: protobuf.Method, serviceName: string, locate: (key: string) => SourceLocation): ProtoRpc {
  const options = (m.options ?? {}) as Record<string, unknown>;
  const short = service.name;
  return {
    key: `${serviceName}/${m.name}`,
    name: `${short}.${m.name}`,
    aliases: [`${serviceName}.${m.name}`, `${short}/${m.name}`, `/${serviceName}/${m.name}`],
    location: locate(`rpc:${serviceName}:${m.name}`),
    service: serviceName, method: m.name,
    requestType: resolveType(service, m.requestType).name, responseType: resolveType(service, m.responseType).name,
    requestStream: m.requestStream === true, responseStream: m.responseStream === true,
    idempotency: typeof options.idempotency_level === 'string' ? options.idempotency_level : 'IDEMPOTENCY_UNKNOWN',
  };
}

/** A type name as written, resolved to its full name when the file defines it (imports are not read). */
function resolveType(scope: protobuf.ReflectionObject, written: string): { name: string; kind: 'scalar' | 'message' | 'enum' | 'unknown' } {
  if (SCALARS.has(written)) return { name: written, kind: 'scalar' };
  const parent = scope instanceof protobuf.Namespace ? scope : scope.parent;
  const found = parent?.lookup(written, [protobuf.Type, protobuf.Enum]);
  if (found) return { name: fullName(found), kind: found instanceof protobuf.Enum ? 'enum' : 'message' };
  return { name: written.replace(/^\./, ''), kind: 'unknown' };
}

function readReserved(reserved: (number[] | string)[] | undefined): Reserved {
  const out: Reserved = { ranges: [], names: new Set() };
  for (const r of reserved ?? []) {
    if (typeof r === 'string') out.names.add(r);
    else out.ranges.push([r[0], r[1]]);
  }
  return out;
}

export function isReservedNumber(reserved: Reserved, n: number): boolean {
  return reserved.ranges.some(([lo, hi]) => n >= lo && n <= hi);
}
