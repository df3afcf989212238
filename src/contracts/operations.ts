/** Matching what a link says it uses (`GET /users/{id}`, `UserService.GetUser`, a channel) to a contract's operations, and protocols to contracts. */
import { suggestNearest } from '../model/errors.js';
import type { AnyContract } from './load.js';
import { routeKey } from './openapi/load.js';
import type { ContractOperation } from './types.js';

/** The contract's operation a `uses:` entry names, by key, name, alias or (HTTP) method and route. */
export function findOperation(contract: AnyContract, use: string): ContractOperation | undefined {
  const wanted = use.trim();
  const http = /^([A-Za-z]+)\s+(\/\S*)$/.exec(wanted);
  const httpKey = http ? `${http[1].toUpperCase()} ${routeKey(http[2])}` : undefined;
  return (contract.operations as ContractOperation[]).find((op) =>
    op.key === wanted || op.name === wanted || op.key === httpKey || op.aliases.includes(wanted));
}

/** The closest operation name, for "did you mean". */
export function nearestOperation(contracts: readonly AnyContract[], use: string): string | undefined {
  return suggestNearest(use, contracts.flatMap((c) => (c.operations as ContractOperation[]).map((op) => op.name)));
}

const FAMILIES: Record<string, string> = {
  http: 'http', https: 'http', rest: 'http', http2: 'http', h2: 'http', 'http/1.1': 'http', 'http/2': 'http',
  grpc: 'grpc', grpcs: 'grpc', 'grpc-web': 'grpc', connect: 'grpc',
  ws: 'websocket', wss: 'websocket', websocket: 'websocket', websockets: 'websocket',
  kafka: 'kafka', 'kafka-secure': 'kafka',
  amqp: 'amqp', amqps: 'amqp',
  mqtt: 'mqtt', mqtts: 'mqtt', 'secure-mqtt': 'mqtt',
  nats: 'nats', jms: 'jms', sns: 'sns', sqs: 'sqs', stomp: 'stomp', stomps: 'stomp', redis: 'redis', pulsar: 'pulsar',
};

/** Protocols that are the same for compatibility: https and http, amqp and amqps, grpc and grpc-web, … */
export function protocolFamily(protocol: string): string {
  const p = protocol.toLowerCase();
  return FAMILIES[p] ?? p;
}

/** The protocol families a contract can be served over (AsyncAPI without servers: any). */
export function contractFamilies(contract: AnyContract): Set<string> | undefined {
  if (contract.kind === 'openapi') return new Set(['http']);
  if (contract.kind === 'protobuf') return new Set(['grpc']);
  return contract.protocols.length > 0 ? new Set(contract.protocols.map(protocolFamily)) : undefined;
}

export function speaks(families: Set<string> | undefined, protocol: string): boolean {
  return !families || families.has(protocolFamily(protocol));
}
