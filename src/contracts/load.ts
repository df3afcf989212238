/** Recognises a contract's format and loads it. */
import { loadAsyncApi } from './asyncapi/load.js';
import { loadOpenApi } from './openapi/load.js';
import { loadProtobuf } from './protobuf/load.js';
import type { AsyncApiContract } from './asyncapi/load.js';
import type { OpenApiContract } from './openapi/load.js';
import type { ProtobufContract } from './protobuf/load.js';
import type { ContractError, ContractKind, ContractSource } from './types.js';

export type AnyContract = OpenApiContract | ProtobufContract | AsyncApiContract;

export interface LoadedContract {
  contract?: AnyContract;
  errors: ContractError[];
}

/** The format, from the file name (.proto) or the document's first key (openapi:, swagger:, asyncapi:). */
export function detectKind(source: ContractSource): ContractKind | undefined {
  if (/\.proto$/i.test(source.file)) return 'protobuf';
  const head = source.text.slice(0, 8192);
  if (/(?:^|[{,])\s*["']?(?:openapi|swagger)["']?\s*:/m.test(head)) return 'openapi';
  if (/(?:^|[{,])\s*["']?asyncapi["']?\s*:/m.test(head)) return 'asyncapi';
  if (/^\s*(syntax|edition)\s*=\s*["']/m.test(head)) return 'protobuf';
  return undefined;
}

export function loadContract(source: ContractSource): LoadedContract {
  const kind = detectKind(source);
  if (kind === 'openapi') return loadOpenApi(source);
  if (kind === 'asyncapi') return loadAsyncApi(source);
  if (kind === 'protobuf') return loadProtobuf(source);
  return {
    errors: [{
      code: 'unknown-kind',
      message: `${source.file} is not a contract archwright reads: expected an OpenAPI 3 (openapi:), AsyncAPI 2/3 (asyncapi:) or .proto file`,
      location: { file: source.file, line: 1, column: 1 },
    }],
  };
}

export const KIND_NAMES: Record<ContractKind, string> = { openapi: 'OpenAPI', protobuf: 'protobuf', asyncapi: 'AsyncAPI' };
