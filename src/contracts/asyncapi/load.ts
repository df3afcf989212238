/**
 * Reads an AsyncAPI 2.x or 3.x document into operations on channels, each with
 * its messages' payload and headers schemas. Operations are named from the
 * application's side in 3.x terms: a 2.x `publish` (others publish, the
 * application receives) is `receive`, a 2.x `subscribe` is `send`, so a 2.x
 * document compares against its 3.x rewrite.
 *
 * Why not @asyncapi/parser: measured here it installs ~140 packages and takes
 * ~1 s just to import, and it validates with Spectral before returning; the
 * comparison needs only the channels, operations and message schemas.
 */
import { deref, isRecord, parseDocument, unresolvedRefs, type DocPath, type JsonDocument, type Located } from '../document.js';
import type { Contract, ContractError, ContractOperation, ContractSource } from '../types.js';

export interface AsyncMessage {
  name: string;
  payload?: Located;
  headers?: Located;
  path: DocPath;
}

export interface AsyncOperation extends ContractOperation {
  action: 'send' | 'receive';
  channel: string;
  path: DocPath;
  messages: Map<string, AsyncMessage>;
}

export interface AsyncApiContract extends Contract {
  kind: 'asyncapi';
  document: JsonDocument;
  operations: AsyncOperation[];
  /** Channel address → where the channel is written. */
  channels: Map<string, DocPath>;
}

export function loadAsyncApi(source: ContractSource): { contract?: AsyncApiContract; errors: ContractError[] } {
  const document = parseDocument(source);
  if ('code' in document) return { errors: [document] };
  const { doc } = document;
  const version = typeof doc.asyncapi === 'string' ? doc.asyncapi : undefined;
  if (!version || !/^[23]\./.test(version)) {
    return { errors: [{ code: 'invalid', message: `expected asyncapi: 2.x or 3.x, found ${version ?? 'none'}`, location: document.locate(version ? ['asyncapi'] : []) }] };
  }
  if (doc.channels !== undefined && !isRecord(doc.channels)) {
    return { errors: [{ code: 'invalid', message: 'channels must be a mapping', location: document.locate(['channels']) }] };
  }
  const errors = unresolvedRefs(document);
  if (errors.length > 0) return { errors };
  const { operations, channels } = version.startsWith('2.') ? readV2(document) : readV3(document);
  // Two operations of one action on one channel keep apart by their ids.
  const seen = new Map<string, number>();
  for (const op of operations) {
    const n = seen.get(op.key) ?? 0;
    seen.set(op.key, n + 1);
    if (n > 0) op.key = `${op.key} (${op.aliases[0] ?? n + 1})`;
  }
  const protocols = new Set<string>();
  if (isRecord(doc.servers)) for (const s of Object.values(doc.servers)) if (isRecord(s) && typeof s.protocol === 'string') protocols.add(s.protocol.toLowerCase());
  return { contract: { kind: 'asyncapi', file: source.file, version, protocols: [...protocols], operations, channels, document }, errors: [] };
}

function readV2(document: JsonDocument): { operations: AsyncOperation[]; channels: Map<string, DocPath> } {
  const operations: AsyncOperation[] = [];
  const channels = new Map<string, DocPath>();
  const all = (document.doc.channels ?? {}) as Record<string, unknown>;
  for (const address of Object.keys(all)) {
    const channel = deref(document, { value: all[address], path: ['channels', address] });
    channels.set(address, ['channels', address]);
    if (!isRecord(channel.value)) continue;
    for (const [verb, action] of [['publish', 'receive'], ['subscribe', 'send']] as const) {
      const op = channel.value[verb];
      if (!isRecord(op)) continue;
      const path = [...channel.path, verb];
      const messages = new Map<string, AsyncMessage>();
      const message = deref(document, { value: op.message, path: [...path, 'message'] });
      const list: Located[] = isRecord(message.value) && Array.isArray(message.value.oneOf)
        ? message.value.oneOf.map((value, i) => ({ value, path: [...message.path, 'oneOf', i] }))
        : op.message !== undefined ? [{ value: op.message, path: [...path, 'message'] }] : [];
      list.forEach((m, i) => addMessage(document, messages, m, `message#${i}`));
      operations.push(operation(document, action, address, typeof op.operationId === 'string' ? [op.operationId] : [], path, messages));
    }
  }
  return { operations, channels };
}

function readV3(document: JsonDocument): { operations: AsyncOperation[]; channels: Map<string, DocPath> } {
  const operations: AsyncOperation[] = [];
  const channels = new Map<string, DocPath>();
  const addressOf = new Map<string, string>();
  const all = (document.doc.channels ?? {}) as Record<string, unknown>;
  for (const id of Object.keys(all)) {
    const channel = deref(document, { value: all[id], path: ['channels', id] });
    const address = isRecord(channel.value) && typeof channel.value.address === 'string' ? channel.value.address : id;
    addressOf.set(`#/channels/${id}`, address);
    channels.set(address, ['channels', id]);
  }
  const ops = isRecord(document.doc.operations) ? document.doc.operations : {};
  for (const opId of Object.keys(ops)) {
    const op = ops[opId];
    if (!isRecord(op) || (op.action !== 'send' && op.action !== 'receive')) continue;
    const path = ['operations', opId];
    const channelRef = isRecord(op.channel) && typeof op.channel.$ref === 'string' ? op.channel.$ref : undefined;
    const channel = channelRef ? deref(document, { value: op.channel, path: [...path, 'channel'] }) : undefined;
    const address = (channelRef && addressOf.get(channelRef)) ?? channelRef ?? opId;
    const messages = new Map<string, AsyncMessage>();
    const named = (ref: unknown) => (typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined);
    if (Array.isArray(op.messages)) {
      op.messages.forEach((m, i) => addMessage(document, messages, { value: m, path: [...path, 'messages', i] }, named(isRecord(m) ? m.$ref : undefined) ?? `message#${i}`));
    } else if (channel && isRecord(channel.value) && isRecord(channel.value.messages)) {
      const map = channel.value.messages;
      for (const key of Object.keys(map)) addMessage(document, messages, { value: map[key], path: [...channel.path, 'messages', key] }, key);
    }
    operations.push(operation(document, op.action, address, [opId], path, messages));
  }
  return { operations, channels };
}

function addMessage(document: JsonDocument, messages: Map<string, AsyncMessage>, node: Located, fallback: string): void {
  const ref = isRecord(node.value) && typeof node.value.$ref === 'string' ? node.value.$ref : undefined;
  const message = deref(document, node);
  if (!isRecord(message.value)) return;
  const m = message.value;
  const name = typeof m.name === 'string' ? m.name : typeof m.messageId === 'string' ? m.messageId : ref ? ref.slice(ref.lastIndexOf('/') + 1) : fallback;
  const jsonSchema = typeof m.schemaFormat !== 'string' || /json|openapi|asyncapi/i.test(m.schemaFormat);
  messages.set(name, {
    name,
    payload: m.payload !== undefined && jsonSchema ? { value: m.payload, path: [...message.path, 'payload'] } : undefined,
    headers: m.headers !== undefined ? { value: m.headers, path: [...message.path, 'headers'] } : undefined,
    path: message.path,
  });
}

function operation(document: JsonDocument, action: 'send' | 'receive', channel: string, ids: string[], path: DocPath, messages: Map<string, AsyncMessage>): AsyncOperation {
  return {
    key: `${action} ${channel}`, name: `${action} ${channel}`, aliases: [...ids, channel], action, channel, path, messages,
    get location() {
      return document.locate(path);
    },
  };
}
