/**
 * A JSON Schema (OpenAPI 3.0/3.1, AsyncAPI) reduced to what compatibility
 * depends on: accepted types, format, enum, properties and which are required,
 * items, variants (oneOf/anyOf) and limits. `$ref`s and `allOf` are resolved.
 */
import { deref, isRecord, type JsonDocument, type Located } from './document.js';

export const LIMITS = ['maxLength', 'minLength', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'maxItems', 'minItems', 'maxProperties', 'minProperties'] as const;
export type LimitName = (typeof LIMITS)[number];

export interface SchemaView {
  /** The schema itself (after following `$ref`s). */
  node: Located;
  /** The component's name when the schema was reached through a `$ref` (`User` for #/components/schemas/User). */
  name?: string;
  /** Accepted JSON types (`integer`, `number`, `string`, `object`, `array`, `boolean`, `null`); undefined means any. */
  types?: Set<string>;
  format?: string;
  enum?: unknown[];
  properties: ReadonlyMap<string, Located>;
  required: ReadonlySet<string>;
  /** additionalProperties: false — unknown properties are rejected. */
  closed: boolean;
  items?: Located;
  variants?: Located[];
  limits: Partial<Record<LimitName, number>>;
  pattern?: string;
  readOnly: boolean;
  writeOnly: boolean;
}

const NO_PROPERTIES: ReadonlyMap<string, Located> = new Map();
const NO_NAMES: ReadonlySet<string> = new Set();
const NO_LIMITS: Readonly<Partial<Record<LimitName, number>>> = Object.freeze({});

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** Builds views of one document's schemas, each once. */
export class SchemaViews {
  private readonly cache = new Map<unknown, SchemaView>();

  constructor(readonly document: JsonDocument) {}

  view(node: Located, depth = 0): SchemaView {
    const target = deref(this.document, node);
    const cached = this.cache.get(target.value);
    if (cached) return cached;
    const view = this.build(target, nameOf(node, target), depth);
    if (target.value !== null && typeof target.value === 'object') this.cache.set(target.value, view);
    return view;
  }

  private build(node: Located, name: string | undefined, depth: number): SchemaView {
    // Shared empty containers until a schema has something to put in them: a large document has ~10^5 small schemas.
    const view: SchemaView = { node, name, properties: NO_PROPERTIES, required: NO_NAMES, closed: false, limits: NO_LIMITS, readOnly: false, writeOnly: false };
    const schema = node.value;
    if (schema === false) {
      view.types = new Set();
      return view;
    }
    if (!isRecord(schema)) return view;
    if (typeof schema.type === 'string') view.types = new Set([schema.type]);
    else if (Array.isArray(schema.type)) view.types = new Set(schema.type.filter((t): t is string => typeof t === 'string'));
    if (view.types && schema.nullable === true) view.types.add('null');
    if (typeof schema.format === 'string') view.format = schema.format;
    if (Array.isArray(schema.enum)) view.enum = schema.enum;
    else if (schema.const !== undefined) view.enum = [schema.const];
    if (typeof schema.pattern === 'string') view.pattern = schema.pattern;
    view.readOnly = schema.readOnly === true;
    view.writeOnly = schema.writeOnly === true;
    for (const limit of LIMITS) {
      if (typeof schema[limit] !== 'number') continue;
      if (view.limits === NO_LIMITS) view.limits = {};
      view.limits[limit] = schema[limit] as number;
    }
    if (isRecord(schema.properties)) {
      const properties = new Map<string, Located>();
      for (const key of Object.keys(schema.properties)) {
        properties.set(key, { value: schema.properties[key], path: [...node.path, 'properties', key] });
      }
      view.properties = properties;
    }
    if (Array.isArray(schema.required) && schema.required.length > 0) view.required = new Set(schema.required.filter((r): r is string => typeof r === 'string'));
    view.closed = schema.additionalProperties === false || schema.unevaluatedProperties === false;
    if (schema.items !== undefined && !Array.isArray(schema.items)) view.items = { value: schema.items, path: [...node.path, 'items'] };
    const variantKey = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
    if (variantKey) view.variants = (schema[variantKey] as unknown[]).map((value, i) => ({ value, path: [...node.path, variantKey, i] }));
    if (Array.isArray(schema.allOf) && depth < 16) {
      schema.allOf.forEach((part, i) => mergeInto(view, this.view({ value: part, path: [...node.path, 'allOf', i] }, depth + 1)));
    }
    if (view.types === undefined && (view.properties.size > 0 || view.required.size > 0) && !view.variants) view.types = new Set(['object']);
    return view;
  }
}

/** allOf: every part applies, so types narrow and properties and required fields add up. */
function mergeInto(view: SchemaView, part: SchemaView): void {
  if (part.types) view.types = view.types ? new Set([...view.types].filter((t) => part.types!.has(t) || (t === 'number' && part.types!.has('integer')))) : new Set(part.types);
  view.format ??= part.format;
  view.enum ??= part.enum;
  view.pattern ??= part.pattern;
  if (part.properties.size > 0) {
    const properties = new Map(view.properties);
    for (const [key, value] of part.properties) if (!properties.has(key)) properties.set(key, value);
    view.properties = properties;
  }
  if (part.required.size > 0) view.required = new Set([...view.required, ...part.required]);
  view.closed ||= part.closed;
  view.items ??= part.items;
  view.variants ??= part.variants;
  for (const limit of LIMITS) {
    if (view.limits[limit] !== undefined || part.limits[limit] === undefined) continue;
    if (view.limits === NO_LIMITS) view.limits = {};
    view.limits[limit] = part.limits[limit];
  }
}

function nameOf(from: Located, target: Located): string | undefined {
  if (from.path === target.path) return undefined;
  const last = target.path[target.path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

export function typesText(types: Set<string> | undefined): string {
  if (!types) return 'any';
  if (types.size === 0) return 'nothing';
  return [...types].sort((a, b) => JSON_TYPES.indexOf(a) - JSON_TYPES.indexOf(b)).join(' | ');
}
