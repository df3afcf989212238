/**
 * Breaking changes between two AsyncAPI documents. Messages the application
 * receives are compared in the request direction (consumers write them),
 * messages it sends in the response direction (consumers read them).
 */
import { ChangeCollector } from '../collect.js';
import { SchemaComparer } from '../schema-diff.js';
import type { ContractChange, Direction } from '../types.js';
import type { AsyncApiContract } from './load.js';

export function compareAsyncApi(before: AsyncApiContract, after: AsyncApiContract): ContractChange[] {
  const out = new ChangeCollector('asyncapi');
  const schemas = new SchemaComparer(before.document, after.document);
  const newOps = new Map(after.operations.map((op) => [op.key, op]));
  for (const o of before.operations) {
    const n = newOps.get(o.key);
    const operation = o.key;
    if (!n) {
      const gone = !after.channels.has(o.channel);
      out.add({
        id: gone ? 'channel-removed' : 'operation-removed', severity: 'breaking',
        message: gone ? `channel ${o.channel} was removed; consumers of it get nothing.` : `the application no longer does "${o.name}"; consumers ${o.action === 'send' ? 'waiting for these messages get none' : 'that send them are not heard'}.`,
        location: gone ? before.document.locate(before.channels.get(o.channel)!) : o.location, operation,
      });
      continue;
    }
    const direction: Direction = o.action === 'receive' ? 'request' : 'response';
    for (const [name, m] of o.messages) {
      const k = n.messages.get(name);
      if (!k) {
        out.add({ id: 'message-removed', severity: 'breaking', message: `${o.name}: message ${name} was removed.`, location: before.document.locate(m.path), operation, field: name, direction });
        continue;
      }
      if (m.payload && k.payload) schemas.compare(m.payload, k.payload, direction, `${name} payload`, operation);
      if (m.headers && k.headers) schemas.compare(m.headers, k.headers, direction, `${name} headers`, operation);
    }
    for (const [name, k] of n.messages) {
      if (o.messages.has(name)) continue;
      out.add({
        id: 'message-added', severity: direction === 'request' ? 'info' : 'warning',
        message: `${n.name}: message ${name} was added${direction === 'response' ? '; consumers may receive a message they do not know' : ''}.`,
        location: after.document.locate(k.path), operation, field: name, direction,
      });
    }
  }
  const oldKeys = new Set(before.operations.map((op) => op.key));
  for (const n of after.operations) if (!oldKeys.has(n.key)) out.add({ id: 'operation-added', severity: 'info', message: `"${n.name}" was added.`, location: n.location, operation: n.key });
  out.addSchemaChanges(schemas.results());
  return out.result();
}
