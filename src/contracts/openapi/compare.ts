/**
 * Breaking changes between two OpenAPI documents, operation by operation.
 * Parameters and request bodies are compared in the request direction, responses
 * in the response direction (see schema-diff.ts for what each direction means).
 */
import { ChangeCollector } from '../collect.js';
import { SchemaComparer } from '../schema-diff.js';
import type { ContractChange } from '../types.js';
import { valueAt } from '../document.js';
import type { MediaEntry, OpenApiContract, OpenApiOperation, SecurityAlternative } from './load.js';

export function compareOpenApi(before: OpenApiContract, after: OpenApiContract): ContractChange[] {
  const out = new ChangeCollector('openapi');
  const schemas = new SchemaComparer(before.document, after.document);
  const oldAt = before.document.locate;
  const newAt = after.document.locate;
  const newOps = new Map(after.operations.map((op) => [op.key, op]));
  const oldKeys = new Set(before.operations.map((op) => op.key));

  for (const o of before.operations) {
    const n = newOps.get(o.key);
    if (!n) {
      out.add({ id: 'operation-removed', severity: 'breaking', message: `${o.name} was removed; consumers that call it get 404 or 405.`, location: o.location, operation: o.key });
      continue;
    }
    const operation = o.key;
    compareSecurity(o, n, out, newAt);
    // Written the same: only the component schemas it refers to can differ (the common case in a large document).
    if (o.route === n.route && sameOperationText(before, o, after, n)) {
      compareReferencedSchemas(before, o, schemas);
      continue;
    }
    if (!o.deprecated && n.deprecated) out.add({ id: 'operation-deprecated', severity: 'info', message: `${n.name} is now deprecated.`, location: newAt([...n.path, 'deprecated']), operation });
    if (o.route !== n.route) out.add({ id: 'path-parameter-renamed', severity: 'info', message: `${o.name} is now written ${n.name}; the URL is the same.`, location: n.location, operation });
    compareParameters(o, n, out, schemas, oldAt, newAt);
    compareRequestBody(o, n, out, schemas, oldAt, newAt);
    compareResponses(o, n, out, schemas, oldAt, newAt);
  }
  for (const n of after.operations) {
    if (!oldKeys.has(n.key)) out.add({ id: 'operation-added', severity: 'info', message: `${n.name} was added.`, location: n.location, operation: n.key });
  }
  out.addSchemaChanges(schemas.results());
  return out.result();
}

type Locate = OpenApiContract['document']['locate'];

/** The operation and its path item's parameters are written alike in both documents, `$ref`s naming only component schemas. */
function sameOperationText(before: OpenApiContract, o: OpenApiOperation, after: OpenApiContract, n: OpenApiOperation): boolean {
  const item = (c: OpenApiContract, op: OpenApiOperation) => valueAt(c.document.doc, op.path.slice(0, -1)) as Record<string, unknown> | undefined;
  return sameJson(valueAt(before.document.doc, o.path), valueAt(after.document.doc, n.path))
    && sameJson(item(before, o)?.parameters, item(after, n)?.parameters);
}

const SCHEMA_REF = '#/components/schemas/';

/** Structural equality of two parsed documents' parts, refusing `$ref`s to anything but component schemas. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const key in ra) {
    if (!(key in rb) || !sameJson(ra[key], rb[key])) return false;
    if (key === '$ref' && !(typeof ra.$ref === 'string' && ra.$ref.startsWith(SCHEMA_REF))) return false;
    count++;
  }
  for (const _ in rb) count--;
  return count === 0;
}

/** For an operation written alike, compares each component schema it refers to, in the direction it is used. */
function compareReferencedSchemas(contract: OpenApiContract, o: OpenApiOperation, schemas: SchemaComparer): void {
  const seen = new Set<string>();
  const visit = (node: unknown, direction: 'request' | 'response'): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, direction);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      const ref = record.$ref;
      if (!seen.has(`${direction}${ref}`)) {
        seen.add(`${direction}${ref}`);
        const name = ref.slice(SCHEMA_REF.length);
        schemas.compare({ value: record, path: [] }, { value: record, path: [] }, direction, name, o.key);
      }
      return;
    }
    for (const key in record) visit(record[key], direction);
  };
  const op = valueAt(contract.document.doc, o.path) as Record<string, unknown>;
  for (const key in op) if (key !== 'callbacks') visit(op[key], key === 'responses' ? 'response' : 'request');
  visit((valueAt(contract.document.doc, o.path.slice(0, -1)) as Record<string, unknown>).parameters, 'request');
}

function compareParameters(o: OpenApiOperation, n: OpenApiOperation, out: ChangeCollector, schemas: SchemaComparer, oldAt: Locate, newAt: Locate): void {
  const operation = o.key;
  for (const [key, p] of o.parameters) {
    const q = n.parameters.get(key);
    const label = `${p.in} parameter ${p.name}`;
    if (!q) {
      out.add({ id: 'parameter-removed', severity: 'warning', message: `${o.name}: ${label} was removed; what consumers send in it is now ignored.`, location: oldAt(p.path), operation, field: label, direction: 'request' });
      continue;
    }
    if (!p.required && q.required) {
      out.add({ id: 'parameter-required', severity: 'breaking', message: `${n.name}: ${label} is now required; consumers that leave it out are rejected.`, location: newAt([...q.path, 'required']), operation, field: label, direction: 'request' });
    }
    if (p.schema && q.schema) schemas.compare(p.schema, q.schema, 'request', label, operation);
  }
  for (const [key, q] of n.parameters) {
    if (o.parameters.has(key)) continue;
    const label = `${q.in} parameter ${q.name}`;
    if (q.required) out.add({ id: 'parameter-required', severity: 'breaking', message: `${n.name}: new required ${label}; consumers that do not send it are rejected.`, location: newAt(q.path), operation, field: label, direction: 'request' });
    else out.add({ id: 'parameter-added', severity: 'info', message: `${n.name}: optional ${label} added.`, location: newAt(q.path), operation, field: label, direction: 'request' });
  }
}

function compareRequestBody(o: OpenApiOperation, n: OpenApiOperation, out: ChangeCollector, schemas: SchemaComparer, oldAt: Locate, newAt: Locate): void {
  const operation = o.key;
  const before = o.requestBody;
  const after = n.requestBody;
  if (!before && !after) return;
  if (!after) {
    out.add({ id: 'request-body-removed', severity: 'warning', message: `${o.name}: the request body was removed; what consumers send is now ignored.`, location: oldAt(before!.path), operation, field: 'request body', direction: 'request' });
    return;
  }
  if (after.required && !before?.required) {
    out.add({ id: 'request-body-required', severity: 'breaking', message: `${n.name}: a request body is now required; consumers that send none are rejected.`, location: newAt(before ? [...after.path, 'required'] : after.path), operation, field: 'request body', direction: 'request' });
  }
  if (!before) return;
  compareContent(o, before.content, after.content, 'request body', 'request', out, schemas, oldAt, newAt);
}

function compareResponses(o: OpenApiOperation, n: OpenApiOperation, out: ChangeCollector, schemas: SchemaComparer, oldAt: Locate, newAt: Locate): void {
  const operation = o.key;
  for (const [code, before] of o.responses) {
    const after = n.responses.get(code);
    const label = `response ${code}`;
    if (!after) {
      // Consumers are written against the success responses; an error response may fall back to the class (4XX) or default.
      const success = /^[23]/.test(code);
      out.add({
        id: 'response-removed', severity: success ? 'breaking' : 'warning',
        message: `${o.name}: ${label} was removed${success ? '; consumers that expect it break' : ''}.`,
        location: oldAt(before.path), operation, field: label, direction: 'response',
      });
      continue;
    }
    compareContent(o, before.content, after.content, label, 'response', out, schemas, oldAt, newAt);
    for (const [key, h] of before.headers) {
      const g = after.headers.get(key);
      const field = `${label} header ${h.name}`;
      if (!g) {
        out.add({
          id: 'response-header-removed', severity: h.required ? 'breaking' : 'warning',
          message: `${o.name}: ${label} no longer sends the ${h.required ? 'required ' : ''}header ${h.name}; consumers that read it get nothing.`,
          location: oldAt(h.path), operation, field, direction: 'response',
        });
        continue;
      }
      if (h.required && !g.required) {
        out.add({ id: 'response-header-optional', severity: 'breaking', message: `${o.name}: ${label} header ${h.name} is no longer required; consumers that expect it may find it missing.`, location: newAt(g.path), operation, field, direction: 'response' });
      }
      if (h.schema && g.schema) schemas.compare(h.schema, g.schema, 'response', field, operation);
    }
  }
  for (const [code, after] of n.responses) {
    if (!o.responses.has(code)) out.add({ id: 'response-added', severity: 'info', message: `${n.name}: response ${code} was added.`, location: newAt(after.path), operation, field: `response ${code}`, direction: 'response' });
  }
}

function compareContent(
  o: OpenApiOperation, before: Map<string, MediaEntry>, after: Map<string, MediaEntry>, label: string, direction: 'request' | 'response',
  out: ChangeCollector, schemas: SchemaComparer, oldAt: Locate, newAt: Locate,
): void {
  const operation = o.key;
  const request = direction === 'request';
  for (const [type, b] of before) {
    const a = after.get(type);
    if (!a) {
      out.add({
        id: `${request ? 'request' : 'response'}-media-type-removed`, severity: 'breaking',
        message: `${o.name}: ${label} no longer ${request ? 'accepts' : 'offers'} ${type}; consumers that ${request ? 'send' : 'ask for'} it break.`,
        location: oldAt(b.path), operation, field: `${label} ${type}`, direction,
      });
      continue;
    }
    if (b.schema && a.schema) schemas.compare(b.schema, a.schema, direction, label, operation);
  }
  for (const [type, a] of after) {
    if (!before.has(type)) out.add({ id: `${request ? 'request' : 'response'}-media-type-added`, severity: 'info', message: `${o.name}: ${label} now also ${request ? 'accepts' : 'offers'} ${type}.`, location: newAt(a.path), operation, field: `${label} ${type}`, direction });
  }
}

/**
 * Security is tightened when some way consumers could call before (an old
 * alternative) is no longer enough: every new alternative needs a scheme or a
 * scope that old alternative did not have.
 */
function compareSecurity(o: OpenApiOperation, n: OpenApiOperation, out: ChangeCollector, newAt: Locate): void {
  const operation = o.key;
  const before = alternatives(o.security);
  const after = alternatives(n.security);
  const lost = before.filter((alt) => !after.some((candidate) => satisfiedBy(candidate, alt)));
  if (lost.length > 0) {
    out.add({
      id: 'security-tightened', severity: 'breaking',
      message: `${n.securityPath.length === 1 ? 'The document\'s security' : `${n.name}: security`} tightened; consumers calling with ${lost.map(describe).join(' or ')} are now refused (it requires ${after.map(describe).join(' or ')}).`,
      location: newAt(n.securityPath), operation, field: 'security', direction: 'request',
    });
    return;
  }
  const opened = after.some((alt) => alt.size === 0) && !before.some((alt) => alt.size === 0);
  if (opened) {
    out.add({ id: 'security-removed', severity: 'warning', message: `${n.securityPath.length === 1 ? 'The document' : n.name} no longer requires authentication; check this is intended.`, location: newAt(n.securityPath), operation, field: 'security' });
  }
}

function alternatives(security: SecurityAlternative[]): SecurityAlternative[] {
  return security.length === 0 ? [new Map()] : security;
}

/** A consumer holding `held` can satisfy `needed` when it has every scheme and scope needed. */
function satisfiedBy(needed: SecurityAlternative, held: SecurityAlternative): boolean {
  for (const [scheme, scopes] of needed) {
    const have = held.get(scheme);
    if (!have) return false;
    if (!scopes.every((s) => have.includes(s))) return false;
  }
  return true;
}

function describe(alt: SecurityAlternative): string {
  if (alt.size === 0) return 'no credentials';
  return [...alt].map(([scheme, scopes]) => (scopes.length ? `${scheme} [${scopes.join(', ')}]` : scheme)).join(' + ');
}
