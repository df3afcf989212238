// Synthetic designs for benchmarks: N components with about three links each,
// shaped like a real large system — cells of edge gateways, core services,
// queues, caches and data stores, with declared controls — so every rule walks
// the whole design and reports the few weaknesses a real one would have.
import { writeFileSync } from 'node:fs';

// One cell of ten components; links are made per cell and to the next cell.
const CELL = ['gateway', 'service', 'service', 'service', 'service', 'service', 'datastore', 'datastore', 'queue', 'cache'];

export function generateDesign(n) {
  const cells = Math.max(1, Math.floor(n / CELL.length));
  const requirements = Math.max(10, Math.floor(n / 10));
  const id = (cell, slot) => `c${(cell % cells) * CELL.length + slot}`;
  const lines = [
    'archwright: 1',
    'system:',
    `  name: Synthetic ${n}`,
    '  purpose: A generated design for benchmarks.',
    '  scope: { in: [everything], out: [nothing] }',
    '  constraints: { budget: { monthly: 5000000, currency: USD }, deadline: 2028-01-01, engineers: 400 }',
    '  compliance: [gdpr]',
    '  standards: { internalProtocol: grpc, externalProtocol: https, asyncProtocol: kafka }',
    '  controller: { name: Synthetic GmbH, contact: privacy@example.com, dpo: dpo@example.com }',
    '  region: eu-central-1',
    'users:',
    `  - { id: u0, kind: end-user, regions: [EU], uses: [${Array.from({ length: cells }, (_, c) => id(c, 0)).join(', ')}] }`,
    'requirements:',
  ];
  for (let i = 0; i < requirements; i++) {
    lines.push(i === 0
      ? '  - { id: R0, kind: quality, text: Requirement 0, target: { workload: w0, latencyP99: 300ms } }'
      : `  - { id: R${i}, kind: function, text: Requirement ${i} }`);
  }
  lines.push('data:');
  lines.push('  - { id: d0, classification: [personal], subjects: [u0], subjectRegions: [EU], retention: 90d, lawfulBasis: contract }');
  lines.push('  - { id: d1, classification: [internal], subjects: [] }');
  lines.push('zones:');
  lines.push('  - { id: internet, trust: none }', '  - { id: edge, trust: low }', '  - { id: core, trust: internal, region: eu-central-1 }', '  - { id: data, trust: restricted, region: eu-central-1 }');
  lines.push('components:');
  for (let cell = 0; cell < cells; cell++) {
    CELL.forEach((kind, slot) => {
      const zone = kind === 'gateway' ? 'edge' : kind === 'datastore' ? 'data' : 'core';
      lines.push(`  - id: ${id(cell, slot)}`, `    kind: ${kind}`, `    zone: ${zone}`, `    serves: [R${(cell * CELL.length + slot) % requirements}]`);
      if (kind === 'gateway') {
        lines.push('    exposes: [{ protocol: https, public: true, auth: oauth2, rateLimit: 1000/s, waf: true }]');
      } else if (kind === 'datastore') {
        lines.push('    stores: [d0]', '    encryptedAtRest: true', '    retention: 90d', '    backup: { rpo: 1h, rto: 4h, retention: 30d, encrypted: true }',
          '    exposes: [{ protocol: sql, auth: password }]');
      } else if (kind === 'queue') {
        lines.push('    uses: [d0]', '    retention: 7d', '    encryptedAtRest: true', '    exposes: [{ protocol: kafka, auth: mtls }]');
      } else if (kind === 'cache') {
        lines.push('    uses: [d1]', '    exposes: [{ protocol: grpc, auth: mtls }]');
      } else {
        lines.push('    uses: [d0]', '    exposes: [{ protocol: grpc, auth: mtls }]');
      }
      lines.push(`    instances: { min: 2, max: ${4 + (cell % 8)} }`, `    concurrency: ${[8, 16, 32, 64][slot % 4]}`, `    serviceTime: ${1 + ((cell * 7 + slot * 3) % 20)}ms`, '    cost: { perInstanceMonthly: 50 }');
    });
  }
  lines.push('links:');
  const link = (from, to, protocol, extra = '') => lines.push(`  - { from: ${from}, to: ${to}, protocol: ${protocol}, tls: mtls, auth: mtls${extra} }`);
  for (let cell = 0; cell < cells; cell++) {
    // edge → core
    for (let slot = 1; slot <= 5; slot++) link(id(cell, 0), id(cell, slot), 'grpc', ', identity: end-user, carries: [d0]');
    for (let slot = 1; slot <= 5; slot++) {
      // core → core: the next service in the cell and one in the next cell
      if (slot < 5) link(id(cell, slot), id(cell, slot + 1), 'grpc', ', identity: end-user, carries: [d0]');
      link(id(cell, slot), id(cell + 1, 1 + (slot % 5)), 'grpc', ', identity: end-user, carries: [d0]');
      // core → data: one service owns each store and writes it; the others read
      const store = slot % 2 === 0 ? 6 : 7;
      const writer = slot === 1 || slot === 2;
      lines.push(`  - { from: ${id(cell, slot)}, to: ${id(cell, store)}, protocol: sql, tls: tls, auth: password, identity: end-user, carries: [d0]${writer ? '' : ', access: read'} }`);
      // events through the cell's queue (producers and the consumer both connect to it), reads through its cache
      link(id(cell, slot), id(cell, 8), 'kafka', `, carries: [d0]${slot === 5 ? ', access: read' : ''}`);
      link(id(cell, slot), id(cell, 9), 'grpc', ', carries: [d1], access: read');
    }
  }
  lines.push('workloads:');
  lines.push(`  - { id: w0, rate: 500/s, peakFactor: 2, growth: 3%/month, horizon: 24 months, path: [${id(0, 0)}, ${id(0, 1)}, ${id(0, 2)}, ${id(0, 6)}] }`);
  lines.push(`  - { id: w1, rate: 50/s, path: [${id(1 % cells, 0)}, { ${id(1 % cells, 3)}: { calls: 2 } }, ${id(1 % cells, 7)}] }`);
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `bench/out/design-${n}.yaml`;
  writeFileSync(out, generateDesign(n));
  console.log(out);
}
