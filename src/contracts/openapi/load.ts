/** Reads an OpenAPI 3.0/3.1 document into operations with their parameters, bodies, responses and security. */
import { deref, isRecord, parseDocument, unresolvedRefs, type DocPath, type JsonDocument, type Located } from '../document.js';
import type { Contract, ContractError, ContractOperation, ContractSource } from '../types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface MediaEntry {
  schema?: Located;
  path: DocPath;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required: boolean;
  schema?: Located;
  path: DocPath;
}

export interface ResponseHeader {
  name: string;
  required: boolean;
  schema?: Located;
  path: DocPath;
}

/** One way to satisfy security: every scheme named, each with its scopes. */
export type SecurityAlternative = Map<string, string[]>;

export interface OpenApiOperation extends ContractOperation {
  method: string;
  /** The path as written, e.g. /users/{id}. */
  route: string;
  path: DocPath;
  /** By `in:name`; path parameters by position (`path:0`), so renaming one is not a removal. */
  parameters: Map<string, OpenApiParameter>;
  requestBody?: { required: boolean; content: Map<string, MediaEntry>; path: DocPath };
  responses: Map<string, { content: Map<string, MediaEntry>; headers: Map<string, ResponseHeader>; path: DocPath }>;
  /** Alternatives (any one suffices); empty means anyone may call. */
  security: SecurityAlternative[];
  securityPath: DocPath;
  deprecated: boolean;
}

export interface OpenApiContract extends Contract {
  kind: 'openapi';
  document: JsonDocument;
  operations: OpenApiOperation[];
}

export function loadOpenApi(source: ContractSource): { contract?: OpenApiContract; errors: ContractError[] } {
  const document = parseDocument(source);
  if ('code' in document) return { errors: [document] };
  const { doc } = document;
  const at = (path: DocPath) => document.locate(path);
  if (typeof doc.swagger === 'string') {
    return { errors: [{ code: 'invalid', message: `Swagger ${doc.swagger} is not supported: convert the document to OpenAPI 3`, location: at(['swagger']) }] };
  }
  const version = typeof doc.openapi === 'string' ? doc.openapi : undefined;
  if (!version || !/^3\.[01]\./.test(version)) {
    return { errors: [{ code: 'invalid', message: `expected openapi: 3.0.x or 3.1.x, found ${version ?? 'none'}`, location: at(version ? ['openapi'] : []) }] };
  }
  if (doc.paths !== undefined && !isRecord(doc.paths)) {
    return { errors: [{ code: 'invalid', message: 'paths must be a mapping of routes', location: at(['paths']) }] };
  }
  const errors = unresolvedRefs(document);
  if (errors.length > 0) return { errors };

  const operations: OpenApiOperation[] = [];
  const paths = (doc.paths ?? {}) as Record<string, unknown>;
  const globalSecurity = readSecurity(doc.security);
  for (const route of Object.keys(paths)) {
    const item = deref(document, { value: paths[route], path: ['paths', route] });
    if (!isRecord(item.value)) continue;
    const itemValue = item.value;
    const shared: Located = { value: itemValue.parameters, path: [...item.path, 'parameters'] };
    for (const method of HTTP_METHODS) {
      const op = itemValue[method];
      if (!isRecord(op)) continue;
      operations.push(new Operation(document, route, method, op, [...item.path, method], shared, globalSecurity));
    }
  }
  const protocols = serverProtocols(doc.servers);
  return { contract: { kind: 'openapi', file: source.file, version, protocols, operations, document }, errors: [] };
}

/** `/users/{id}` and `/users/{userId}` are one route: parameter names do not change the URL. */
export function routeKey(route: string): string {
  return route.replace(/\{[^}]*\}/g, '{}');
}

/**
 * An operation read lazily: its location, parameters, body and responses are worked out only
 * when asked. In a large document most operations are written alike in both versions and never
 * need them (see sameOperationText in compare.ts).
 */
class Operation implements OpenApiOperation {
  readonly key: string;
  readonly name: string;
  readonly aliases: string[];
  readonly security: SecurityAlternative[];
  readonly securityPath: DocPath;
  readonly deprecated: boolean;
  private parsed?: Pick<OpenApiOperation, 'parameters' | 'requestBody' | 'responses'>;

  constructor(
    private readonly document: JsonDocument, readonly route: string, readonly method: string,
    private readonly op: Record<string, unknown>, readonly path: DocPath,
    private readonly shared: Located, globalSecurity: SecurityAlternative[],
  ) {
    this.key = `${method.toUpperCase()} ${routeKey(route)}`;
    this.name = `${method.toUpperCase()} ${route}`;
    this.aliases = typeof op.operationId === 'string' ? [op.operationId] : [];
    const ownSecurity = Array.isArray(op.security);
    this.security = ownSecurity ? readSecurity(op.security) : globalSecurity;
    this.securityPath = ownSecurity ? [...path, 'security'] : Array.isArray(document.doc.security) ? ['security'] : path;
    this.deprecated = op.deprecated === true;
  }

  get location() {
    return this.document.locate(this.path);
  }

  get parameters() {
    return this.parse().parameters;
  }

  get requestBody() {
    return this.parse().requestBody;
  }

  get responses() {
    return this.parse().responses;
  }

  private parse() {
    if (this.parsed) return this.parsed;
    const { document, op, path, route } = this;
    const parameters = listParameters(document, this.shared.value, this.shared.path, route);
    for (const [key, p] of listParameters(document, op.parameters, [...path, 'parameters'], route)) parameters.set(key, p);

    let requestBody: OpenApiOperation['requestBody'];
    if (op.requestBody !== undefined) {
      const body = deref(document, { value: op.requestBody, path: [...path, 'requestBody'] });
      if (isRecord(body.value)) {
        requestBody = { required: body.value.required === true, content: readContent(body.value.content, [...body.path, 'content']), path: body.path };
      }
    }

    const responses: OpenApiOperation['responses'] = new Map();
    if (isRecord(op.responses)) {
      for (const code of Object.keys(op.responses)) {
        const response = deref(document, { value: op.responses[code], path: [...path, 'responses', code] });
        const content = isRecord(response.value) ? readContent(response.value.content, [...response.path, 'content']) : new Map();
        const headers = isRecord(response.value) ? readHeaders(document, response.value.headers, [...response.path, 'headers']) : new Map();
        responses.set(code.toLowerCase(), { content, headers, path: [...path, 'responses', code] });
      }
    }
    return (this.parsed = { parameters, requestBody, responses });
  }
}

function listParameters(document: JsonDocument, list: unknown, path: DocPath, route: string): Map<string, OpenApiParameter> {
  const out = new Map<string, OpenApiParameter>();
  if (!Array.isArray(list)) return out;
  const pathNames = [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  list.forEach((item, i) => {
    const p = deref(document, { value: item, path: [...path, i] });
    if (!isRecord(p.value) || typeof p.value.name !== 'string' || typeof p.value.in !== 'string') return;
    const where = p.value.in;
    const position = where === 'path' ? pathNames.indexOf(p.value.name) : -1;
    const key = where === 'path' && position >= 0 ? `path:${position}` : `${where}:${where === 'header' ? p.value.name.toLowerCase() : p.value.name}`;
    let schema: Located | undefined;
    if (p.value.schema !== undefined) schema = { value: p.value.schema, path: [...p.path, 'schema'] };
    else if (isRecord(p.value.content)) {
      const first = Object.keys(p.value.content)[0];
      const media = first ? (p.value.content[first] as Record<string, unknown>) : undefined;
      if (isRecord(media) && media.schema !== undefined) schema = { value: media.schema, path: [...p.path, 'content', first, 'schema'] };
    }
    out.set(key, { name: p.value.name, in: where, required: p.value.required === true || where === 'path', schema, path: p.path });
  });
  return out;
}

function readContent(content: unknown, path: DocPath): Map<string, MediaEntry> {
  const out = new Map<string, MediaEntry>();
  if (!isRecord(content)) return out;
  for (const type of Object.keys(content)) {
    const media = content[type];
    const entry: MediaEntry = { path: [...path, type] };
    if (isRecord(media) && media.schema !== undefined) entry.schema = { value: media.schema, path: [...path, type, 'schema'] };
    out.set(type.toLowerCase(), entry);
  }
  return out;
}

function readHeaders(document: JsonDocument, headers: unknown, path: DocPath): Map<string, ResponseHeader> {
  const out = new Map<string, ResponseHeader>();
  if (!isRecord(headers)) return out;
  for (const name of Object.keys(headers)) {
    const header = deref(document, { value: headers[name], path: [...path, name] });
    if (!isRecord(header.value)) continue;
    const schema = header.value.schema !== undefined ? { value: header.value.schema, path: [...header.path, 'schema'] } : undefined;
    // Header names are case-insensitive.
    out.set(name.toLowerCase(), { name, required: header.value.required === true, schema, path: [...path, name] });
  }
  return out;
}

function readSecurity(value: unknown): SecurityAlternative[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((alt) => new Map(Object.entries(alt).map(([scheme, scopes]) => [scheme, Array.isArray(scopes) ? scopes.map(String) : []])));
}

function serverProtocols(servers: unknown): string[] {
  const out = new Set<string>();
  if (Array.isArray(servers)) {
    for (const s of servers) {
      const m = isRecord(s) && typeof s.url === 'string' ? /^([a-z][a-z0-9+.-]*):\/\//i.exec(s.url) : null;
      if (m) out.add(m[1].toLowerCase());
    }
  }
  if (out.size === 0) out.add('https').add('http');
  return [...out];
}
