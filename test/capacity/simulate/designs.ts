/** Small designs for the simulator's tests. */
import type { Design } from '../../../src/model/design.js';
import { designOf } from '../../helpers.js';

export interface StationSpec {
  /** Arrivals per second (open workload). */
  lambda: number;
  /** Service rate of one worker. */
  mu: number;
  servers: number;
  /** Waiting room of the whole station (queueLimit of its one instance). */
  waiting?: number;
  distribution?: unknown;
}

/** One component with `servers` workers behind one FCFS queue, fed by one open workload. */
export function stationDesign(spec: StationSpec): Design {
  return designOf({
    components: [{
      id: 'q', kind: 'service', instances: 1, concurrency: spec.servers, serviceTime: `${1 / spec.mu}s`,
      ...(spec.waiting !== undefined ? { queueLimit: spec.waiting } : {}),
      ...(spec.distribution !== undefined ? { serviceTimeDistribution: spec.distribution } : {}),
    }],
    workloads: [{ id: 'w', rate: `${spec.lambda}/s`, path: ['q'] }],
  });
}

/** A caller (api) in front of a store (db): api serves, then calls db `calls` times, holding its worker. */
export function twoTierDesign(options: {
  rate?: string;
  apiWorkers?: number;
  apiInstances?: number;
  dbWorkers?: number;
  dbInstances?: number;
  dbServiceTime?: string;
  dbTimeout?: string;
  dbRetries?: number;
  dbQueueLimit?: number;
  calls?: number;
  async?: boolean;
} = {}): Design {
  const db = { calls: options.calls ?? 1, ...(options.async ? { async: true } : {}) };
  return designOf({
    components: [
      { id: 'api', kind: 'service', instances: options.apiInstances ?? 1, concurrency: options.apiWorkers ?? 8, serviceTime: '10ms' },
      {
        id: 'db', kind: 'datastore', instances: options.dbInstances ?? 1, concurrency: options.dbWorkers ?? 8,
        serviceTime: options.dbServiceTime ?? '20ms',
        ...(options.dbTimeout ? { timeout: options.dbTimeout } : {}),
        ...(options.dbRetries !== undefined ? { retries: options.dbRetries } : {}),
        ...(options.dbQueueLimit !== undefined ? { queueLimit: options.dbQueueLimit } : {}),
      },
    ],
    links: [{ from: 'api', to: 'db', protocol: 'sql' }],
    workloads: [{ id: 'requests', rate: options.rate ?? '100/s', path: ['api', { db }] }],
  });
}
