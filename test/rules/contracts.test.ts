import { describe, expect, it } from 'vitest';
import operationNotOffered from '../../src/rules/packs/contracts/operation-not-offered.js';
import protocolMismatch from '../../src/rules/packs/contracts/protocol-mismatch.js';
import unparseableContract from '../../src/rules/packs/contracts/unparseable-contract.js';
import usesWithoutContract from '../../src/rules/packs/contracts/uses-without-contract.js';
import { review } from '../../src/rules/engine.js';
import { load, BASE, designOf, yamlOf } from '../helpers.js';
import type { Rule } from '../../src/rules/types.js';

const USERS_OPENAPI = `openapi: 3.0.3
info: { title: Users, version: '1' }
paths:
  /users/{id}:
    get:
      operationId: getUser
      responses: { '200': { description: ok } }
  /users:
    post:
      responses: { '201': { description: created } }
`;

const USERS_PROTO = `syntax = "proto3";
package acme.users.v1;
service UserService {
  rpc GetUser(GetUserRequest) returns (User);
}
message GetUserRequest { string id = 1; }
message User { string id = 1; }
`;

const CRM_OPENAPI = `openapi: 3.1.0
info: { title: CRM, version: '2' }
paths:
  /contacts:
    get:
      responses: { '200': { description: ok } }
`;

function design(extra: Record<string, unknown>) {
  return { components: [{ id: 'web', kind: 'service' }], ...extra };
}

function findings(rule: Rule, extra: Record<string, unknown>, files: Record<string, string> = {}) {
  const d = designOf(design(extra), files);
  return review(d, [rule]).findings;
}

const provider = (contract: string, protocol = 'https') => ({ id: 'users', kind: 'service', exposes: [{ protocol, contract }] });

describe('loading contract files', () => {
  it('reads every named contract into design.contracts, relative to the design file', () => {
    const d = designOf(design({ components: [{ id: 'web', kind: 'service' }, provider('contracts/users.yaml')] }), { 'contracts/users.yaml': USERS_OPENAPI });
    expect([...d.contracts!.keys()]).toEqual(['contracts/users.yaml']);
    expect(d.contracts!.get('contracts/users.yaml')!.text).toBe(USERS_OPENAPI);
  });

  it('reports a missing contract file at the contract: field', () => {
    const text = yamlOf({ ...BASE, existing: [{ id: 'crm', contract: 'contracts/crm.yaml' }] });
    const result = load(text);
    expect(result.errors).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('contract: contracts/crm.yaml')) + 1;
    expect(result.errors[0]).toMatchObject({ code: 'contract-missing', location: { file: 'design.yaml', line } });
    expect(result.errors[0].message).toContain('contracts/crm.yaml');
  });
});

describe('contracts/unparseable-contract', () => {
  it('reports a contract that does not parse, with the place in the contract', () => {
    const f = findings(unparseableContract, { components: [{ id: 'web', kind: 'service' }, provider('users.yaml')] }, { 'users.yaml': 'openapi: 3.0.3\npaths:\n  /a: [unclosed\n' });
    expect(f.map((x) => x.id)).toEqual(['contracts/unparseable-contract@users#users.yaml']);
    expect(f[0].message).toMatch(/users\.yaml:\d+:\d+: YAML syntax error/);
    expect(f[0].location).toMatchObject({ file: 'design.yaml' });
  });

  it('reports a file that is no contract format', () => {
    const f = findings(unparseableContract, { components: [{ id: 'web', kind: 'service' }, provider('users.yaml')] }, { 'users.yaml': 'hello: world\n' });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('not a contract archwright reads');
  });

  it('is quiet for contracts that load', () => {
    expect(findings(unparseableContract, { components: [{ id: 'web', kind: 'service' }, provider('users.yaml'), provider2('users.proto')] }, { 'users.yaml': USERS_OPENAPI, 'users.proto': USERS_PROTO })).toEqual([]);
  });
});

function provider2(contract: string) {
  return { id: 'users-grpc', kind: 'service', exposes: [{ protocol: 'grpc', contract }] };
}

describe('contracts/operation-not-offered', () => {
  it('reports a used operation the provider does not offer, suggesting the nearest', () => {
    const f = findings(operationNotOffered, {
      components: [{ id: 'web', kind: 'service' }, provider('users.yaml')],
      links: [{ from: 'web', to: 'users', protocol: 'https', uses: ['GET /users/{userId}', 'DELETE /users/{id}', 'GET /user/{id}'] }],
    }, { 'users.yaml': USERS_OPENAPI });
    expect(f.map((x) => x.id)).toEqual(['contracts/operation-not-offered@web->users#DELETE /users/{id}', 'contracts/operation-not-offered@web->users#GET /user/{id}']);
    expect(f[1].message).toContain('did you mean GET /users/{id}?');
  });

  it('matches RPCs by Service.Method, full name or path', () => {
    const f = findings(operationNotOffered, {
      components: [{ id: 'web', kind: 'service' }, provider2('users.proto')],
      links: [{ from: 'web', to: 'users-grpc', protocol: 'grpc', uses: ['UserService.GetUser', 'acme.users.v1.UserService.GetUser', '/acme.users.v1.UserService/GetUser', 'UserService.DeleteUser'] }],
    }, { 'users.proto': USERS_PROTO });
    expect(f.map((x) => x.id)).toEqual(['contracts/operation-not-offered@web->users-grpc#UserService.DeleteUser']);
  });

  it('is quiet when every used operation is offered (by operationId too)', () => {
    expect(findings(operationNotOffered, {
      components: [{ id: 'web', kind: 'service' }, provider('users.yaml')],
      links: [{ from: 'web', to: 'users', protocol: 'https', uses: ['GET /users/{id}', 'getUser', 'post /users'] }],
    }, { 'users.yaml': USERS_OPENAPI })).toEqual([]);
  });
});

describe('contracts/protocol-mismatch', () => {
  it('reports an interface whose protocol its contract does not speak', () => {
    const f = findings(protocolMismatch, { components: [{ id: 'web', kind: 'service' }, provider('users.yaml', 'grpc')] }, { 'users.yaml': USERS_OPENAPI });
    expect(f.map((x) => x.id)).toEqual(['contracts/protocol-mismatch@users#users.yaml']);
    expect(f[0].message).toContain('over grpc');
  });

  it('reports a link to an existing system that speaks another protocol than its contract', () => {
    const f = findings(protocolMismatch, {
      existing: [{ id: 'crm', contract: 'crm.yaml' }],
      links: [{ from: 'web', to: 'crm', protocol: 'grpc' }],
    }, { 'crm.yaml': CRM_OPENAPI });
    expect(f.map((x) => x.id)).toEqual(['contracts/protocol-mismatch@web->crm']);
  });

  it('takes an AsyncAPI contract\'s protocols from its servers', () => {
    const events = 'asyncapi: 3.0.0\nservers: { prod: { host: broker:9092, protocol: kafka-secure } }\nchannels: { created: { address: orders/created } }\noperations: { onCreated: { action: send, channel: { $ref: "#/channels/created" } } }\n';
    const f = findings(protocolMismatch, {
      existing: [{ id: 'orders', contract: 'orders.asyncapi.yaml' }],
      links: [{ from: 'web', to: 'orders', protocol: 'amqp' }],
    }, { 'orders.asyncapi.yaml': events });
    expect(f.map((x) => x.message)).toEqual(['Link web->orders speaks amqp, but the existing system orders offers kafka (from its contract).']);
    expect(findings(protocolMismatch, {
      existing: [{ id: 'orders', contract: 'orders.asyncapi.yaml' }],
      links: [{ from: 'web', to: 'orders', protocol: 'kafka', uses: ['orders/created'] }],
    }, { 'orders.asyncapi.yaml': events })).toEqual([]);
  });

  it('reports a used operation offered only over another protocol', () => {
    const f = findings(protocolMismatch, {
      components: [{ id: 'web', kind: 'service' }, { id: 'users', kind: 'service', exposes: [{ protocol: 'https', contract: 'users.yaml' }, { protocol: 'grpc', contract: 'users.proto' }] }],
      links: [{ from: 'web', to: 'users', protocol: 'grpc', uses: ['GET /users/{id}', 'UserService.GetUser'] }],
    }, { 'users.yaml': USERS_OPENAPI, 'users.proto': USERS_PROTO });
    expect(f.map((x) => x.id)).toEqual(['contracts/protocol-mismatch@web->users#GET /users/{id}']);
  });

  it('is quiet when links and interfaces speak their contracts\' protocols', () => {
    expect(findings(protocolMismatch, {
      components: [{ id: 'web', kind: 'service' }, provider('users.yaml', 'http')],
      existing: [{ id: 'crm', contract: 'crm.yaml' }],
      links: [{ from: 'web', to: 'crm', protocol: 'https' }, { from: 'web', to: 'users', protocol: 'https', uses: ['GET /users/{id}'] }],
    }, { 'users.yaml': USERS_OPENAPI, 'crm.yaml': CRM_OPENAPI })).toEqual([]);
  });
});

describe('contracts/uses-without-contract', () => {
  it('reports once per provider whose consumers list operations but which has no contract', () => {
    const f = findings(usesWithoutContract, {
      components: [{ id: 'web', kind: 'service' }, { id: 'admin', kind: 'service' }, { id: 'users', kind: 'service', exposes: [{ protocol: 'https' }] }],
      links: [{ from: 'web', to: 'users', protocol: 'https', uses: ['GET /users'] }, { from: 'admin', to: 'users', protocol: 'https', uses: ['DELETE /users/{id}'] }],
    });
    expect(f.map((x) => x.id)).toEqual(['contracts/uses-without-contract@users']);
    expect(f[0].message).toMatch(/^Not stated: .*add `contract`/);
  });

  it('is quiet when the provider has a contract or nobody lists operations', () => {
    expect(findings(usesWithoutContract, {
      components: [{ id: 'web', kind: 'service' }, provider('users.yaml'), { id: 'other', kind: 'service' }],
      links: [{ from: 'web', to: 'users', protocol: 'https', uses: ['GET /users/{id}'] }, { from: 'web', to: 'other', protocol: 'https' }],
    }, { 'users.yaml': USERS_OPENAPI })).toEqual([]);
  });
});
