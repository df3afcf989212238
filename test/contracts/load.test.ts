/** Loading contracts: formats recognised, unusable input reported with file:line:column, the model each format gives. */
import { describe, expect, it } from 'vitest';
import { compareContracts } from '../../src/contracts/compare.js';
import { detectKind, loadContract } from '../../src/contracts/load.js';
import { findOperation } from '../../src/contracts/operations.js';

const src = (file: string, text: string) => ({ file, text });

describe('detectKind', () => {
  it('tells the formats apart by extension or first key', () => {
    expect(detectKind(src('a.proto', 'message M {}'))).toBe('protobuf');
    expect(detectKind(src('a.yaml', '# api\nopenapi: 3.1.0\n'))).toBe('openapi');
    expect(detectKind(src('a.json', '{\n  "openapi": "3.0.0"\n}'))).toBe('openapi');
    expect(detectKind(src('a.yaml', 'asyncapi: 3.0.0\n'))).toBe('asyncapi');
    expect(detectKind(src('a.txt', 'syntax = "proto3";\n'))).toBe('protobuf');
    expect(detectKind(src('a.yaml', 'name: x\n'))).toBeUndefined();
  });
});

describe('unusable contracts', () => {
  it.each([
    ['a YAML syntax error', src('a.yaml', 'openapi: 3.0.3\npaths:\n  /a: {get: [\n'), /^YAML syntax error/, 4],
    ['Swagger 2', src('a.yaml', 'swagger: "2.0"\npaths: {}\n'), /Swagger 2\.0 is not supported/, 1],
    ['an unknown OpenAPI version', src('a.yaml', 'openapi: 4.0.0\n'), /expected openapi: 3\.0\.x or 3\.1\.x, found 4\.0\.0/, 1],
    ['a $ref to nothing', src('a.yaml', 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Nope" }\n'), /\$ref "#\/components\/responses\/Nope" points at nothing/, 6],
    ['a protobuf syntax error', src('a.proto', 'syntax = "proto3";\nmessage M {\n  int32 a = ;\n}\n'), /^protobuf syntax error: illegal id/, 3],
    ['an AsyncAPI 1 document', src('a.yaml', 'asyncapi: 1.2.0\n'), /expected asyncapi: 2\.x or 3\.x/, 1],
    ['something else', src('a.yaml', 'name: x\n'), /not a contract archwright reads/, 1],
  ])('%s', (_name, source, message, line) => {
    const { contract, errors } = loadContract(source);
    expect(contract).toBeUndefined();
    expect(errors[0].message).toMatch(message);
    expect(errors[0].location).toMatchObject({ file: source.file, line });
  });

  it('resolves $refs written with JSON escapes', () => {
    const json = '{"openapi": "3.0.3", "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#\\/components\\/responses\\/Ok"}}}}}, "components": {"responses": {"Ok": {"description": "ok"}}}}';
    expect(loadContract(src('a.json', json)).errors).toEqual([]);
  });

  it('refuses to compare two formats', () => {
    const r = compareContracts(src('a.yaml', 'openapi: 3.0.3\npaths: {}\n'), src('b.yaml', 'asyncapi: 3.0.0\n'));
    expect(r.errors[0].message).toMatch(/a\.yaml is OpenAPI but b\.yaml is AsyncAPI/);
    expect(r.changes).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('reads 3.1 type lists and 3.0 nullable alike', () => {
    const v30 = 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          content:\n            application/json:\n              schema: { type: string, nullable: true }\n';
    const v31 = v30.replace('openapi: 3.0.3', 'openapi: 3.1.0').replace('{ type: string, nullable: true }', '{ type: [string, "null"] }');
    expect(compareContracts(src('a.yaml', v30), src('b.yaml', v31)).changes).toEqual([]);
    const notNull = v31.replace('[string, "null"]', 'string');
    expect(compareContracts(src('a.yaml', v31), src('b.yaml', notNull)).changes.map((c) => [c.id, c.severity])).toEqual([['openapi/nullable-changed', 'info']]);
  });

  it('reads JSON documents and locates changes in them', () => {
    const json = (type: string) => JSON.stringify({ openapi: '3.0.3', paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { n: { type } } } } } }, responses: {} } } } }, null, 2);
    const r = compareContracts(src('a.json', json('integer')), src('b.json', json('string')));
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ id: 'openapi/type-changed', severity: 'breaking', direction: 'request', operations: ['POST /a'], location: { file: 'b.json' } });
    expect(json('string').split('\n')[r.changes[0].location.line - 1]).toContain('"type": "string"');
  });

  it('terminates on recursive schemas', () => {
    const doc = (t: string) => `openapi: 3.0.3\npaths:\n  /t:\n    get:\n      responses:\n        "200":\n          content:\n            application/json: { schema: { $ref: "#/components/schemas/Node" } }\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        value: { type: ${t} }\n        children: { type: array, items: { $ref: "#/components/schemas/Node" } }\n        next: { $ref: "#/components/schemas/Node" }\n`;
    const r = compareContracts(src('a.yaml', doc('string')), src('b.yaml', doc('integer')));
    expect(r.changes.map((c) => c.id)).toEqual(['openapi/type-changed']);
  });

  it('follows a long chain of $refs without running out of stack, and names the operation that reaches its end', () => {
    const chain = (lastType: string) => {
      const schemas = Array.from({ length: 5000 }, (_, i) => `    S${i}:\n      type: object\n      properties:\n        v: { type: ${i === 4999 ? lastType : 'string'} }\n${i < 4999 ? `        next: { $ref: "#/components/schemas/S${i + 1}" }\n` : ''}`).join('');
      return `openapi: 3.0.3\npaths:\n  /head:\n    get:\n      responses:\n        "200":\n          content:\n            application/json: { schema: { $ref: "#/components/schemas/S0" } }\ncomponents:\n  schemas:\n${schemas}`;
    };
    const r = compareContracts(src('a.yaml', chain('string')), src('b.yaml', chain('integer')));
    expect(r.changes.map((c) => [c.id, c.field, c.operations])).toEqual([['openapi/type-changed', 'S4999.v', ['GET /head']]]);
  });

  it('names operations so links can find them', () => {
    const { contract } = loadContract(src('a.yaml', 'openapi: 3.0.3\npaths:\n  /users/{id}:\n    get: { operationId: getUser, responses: {} }\n'));
    for (const use of ['GET /users/{id}', 'get /users/{userId}', 'getUser']) expect(findOperation(contract!, use)?.key).toBe('GET /users/{}');
    expect(findOperation(contract!, 'POST /users/{id}')).toBeUndefined();
  });
});

describe('protobuf', () => {
  it('reads services, streaming, field numbers and locations', () => {
    const text = 'syntax = "proto3";\npackage a.v1;\n\nservice S {\n  // watch\n  rpc Watch(Req) returns (stream Res);\n}\nmessage Req {\n  string id = 1;\n}\nmessage Res {\n  map<string, int64> counts = 3;\n  oneof kind { string a = 4; }\n}\n';
    const { contract } = loadContract(src('s.proto', text));
    if (contract?.kind !== 'protobuf') throw new Error('not protobuf');
    expect(contract.operations.map((o) => [o.key, o.name, o.location.line])).toEqual([['a.v1.S/Watch', 'S.Watch', 6]]);
    expect(contract.operations[0]).toMatchObject({ requestStream: false, responseStream: true, requestType: 'a.v1.Req', responseType: 'a.v1.Res' });
    const res = contract.messages.get('a.v1.Res')!;
    expect(res.fields.get(3)).toMatchObject({ name: 'counts', cardinality: 'map', keyType: 'string', type: 'int64', location: { line: 12, column: 3 } });
    expect(res.fields.get(4)).toMatchObject({ oneof: 'kind', location: { line: 13 } });
  });
});
