/** The contract model shared by the OpenAPI, protobuf and AsyncAPI loaders, and the changes found between two versions. */
import type { SourceLocation } from '../model/errors.js';

export type ContractKind = 'openapi' | 'protobuf' | 'asyncapi';

/** A contract file as text: the core never reads files itself. */
export interface ContractSource {
  file: string;
  text: string;
}

/** Why a contract cannot be used, at the place it goes wrong. */
export interface ContractError {
  code: 'syntax' | 'unknown-kind' | 'invalid' | 'unresolved-ref';
  message: string;
  location: SourceLocation;
}

export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/**
 * Which way the data flows, relative to the provider:
 * `request` data is written by consumers and read by the provider (the provider must keep accepting it);
 * `response` data is written by the provider and read by consumers (consumers must keep understanding it).
 */
export type Direction = 'request' | 'response';

export interface ContractChange {
  /** Stable id of the kind of change, e.g. `openapi/operation-removed`. */
  id: string;
  severity: ChangeSeverity;
  /** One sentence a reviewer would say. */
  message: string;
  /** Where the change is: in the new contract, or in the old one for what was removed. */
  location: SourceLocation;
  /**
   * The operations, RPCs or channel operations affected (their canonical keys, see ContractOperation.key);
   * empty when nothing offered uses what changed (e.g. a message no RPC refers to).
   */
  operations: string[];
  /** The field, parameter or message element affected, as a path such as `body.address.zip`. */
  field?: string;
  direction?: Direction;
}

/** One thing a consumer can call or subscribe to. */
export interface ContractOperation {
  /** Canonical identity across versions: `GET /users/{}`, `pkg.UserService/GetUser`, `send orders/created`. */
  key: string;
  /** As a person writes it: `GET /users/{id}`, `UserService.GetUser`, `orders/created`. */
  name: string;
  /** Other names a link's `uses:` may give it: operationId, the unqualified RPC, the channel alone. */
  aliases: string[];
  location: SourceLocation;
}

export interface Contract {
  kind: ContractKind;
  file: string;
  /** The format version written in the file: 3.0.3, 3.1.0, proto3, 2.6.0, 3.0.0. */
  version: string;
  /** The protocols a consumer may use to reach this contract's operations (https/http, grpc, or the AsyncAPI servers' protocols). */
  protocols: string[];
  operations: ContractOperation[];
}
