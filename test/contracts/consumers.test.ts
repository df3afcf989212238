/** Which consumers a contract change breaks: only the links that use what changed (and, uncertainly, those that do not say). */
import { describe, expect, it } from 'vitest';
import { analyseContractChange, breakingForConsumers } from '../../src/contracts/consumers.js';
import { designOf } from '../helpers.js';

const V1 = `syntax = "proto3";
package acme.users.v1;
service UserService {
  rpc GetUser(GetUserRequest) returns (User);
  rpc ListUsers(ListUsersRequest) returns (ListUsersResponse);
}
message GetUserRequest { string id = 1; }
message ListUsersRequest { int32 page_size = 1; }
message ListUsersResponse { repeated string ids = 1; }
message User { string id = 1; string name = 2; }
`;
// ListUsers's response loses a field; GetUser is untouched.
const V2 = V1.replace('message ListUsersResponse { repeated string ids = 1; }', 'message ListUsersResponse { }');

const design = () => designOf({
  components: [
    { id: 'users', kind: 'service', exposes: [{ protocol: 'grpc', contract: 'users.proto' }] },
    { id: 'profile', kind: 'service' },
    { id: 'search', kind: 'service' },
    { id: 'legacy', kind: 'service' },
  ],
  links: [
    { from: 'profile', to: 'users', protocol: 'grpc', uses: ['UserService.GetUser'] },
    { from: 'search', to: 'users', protocol: 'grpc', uses: ['UserService.ListUsers'] },
    { from: 'legacy', to: 'users', protocol: 'grpc' },
  ],
}, { 'users.proto': V1 });

describe('breakingForConsumers', () => {
  it('breaks the consumer that uses the changed RPC, not the one that does not, and flags the one that does not say', () => {
    const old = new Map([['users.proto', { file: 'users.proto', text: V1 }]]);
    const now = new Map([['users.proto', { file: 'users.proto', text: V2 }]]);
    const hits = breakingForConsumers(design(), old, now);
    expect(hits.map((h) => [h.link, h.certain, h.operations])).toEqual([
      ['search->users', true, ['acme.users.v1.UserService/ListUsers']],
      ['legacy->users', false, ['acme.users.v1.UserService/ListUsers']],
    ]);
    expect(hits[0].changes.map((c) => c.id)).toEqual(['protobuf/field-removed']);
  });

  it('finds nobody when the contract did not change', () => {
    const same = new Map([['users.proto', { file: 'users.proto', text: V1 }]]);
    expect(breakingForConsumers(design(), same, same)).toEqual([]);
  });
});

describe('analyseContractChange (the design diff\'s hook)', () => {
  it('lists each change with the consumers it breaks', () => {
    const result = analyseContractChange({
      file: 'users.proto', before: V1, after: V2,
      consumers: [{ link: 'profile->users', uses: ['UserService.GetUser'] }, { link: 'search->users', uses: ['UserService.ListUsers'] }, { link: 'legacy->users' }],
    });
    if (!Array.isArray(result)) throw new Error(result.note);
    expect(result.map((c) => [c.id, c.severity, c.consumers])).toEqual([['protobuf/field-removed', 'breaking', ['search->users', 'legacy->users']]]);
    expect(result[0].location).toMatch(/^users\.proto:9:/);
  });

  it('returns a note when a version does not load', () => {
    expect(analyseContractChange({ file: 'users.proto', before: V1, after: 'syntax = "proto3";\nmessage {', consumers: [] })).toMatchObject({ note: expect.stringMatching(/^cannot compare: users\.proto:2:/) });
  });
});
