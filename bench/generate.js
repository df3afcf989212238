// Synthetic designs for benchmarks: N components in zones, three links each,
// data assets, requirements and workloads — shaped like a real design (a mix of
// services, datastores, queues and gateways, some weaknesses) so every rule
// has work to do and some findings to report.
import { writeFileSync } from 'node:fs';

const KINDS = ['service', 'service', 'service', 'service', 'datastore', 'queue', 'cache', 'gateway', 'job', 'external'];

export function generateDesign(n, { seed = 1 } = {}) {
  let state = seed >>> 0;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const requirements = Math.max(10, Math.floor(n / 10));
  const zones = ['internet', 'edge', 'core', 'data'];
  const lines = [
    'archwright: 1',
    'system:',
    `  name: Synthetic ${n}`,
    '  purpose: A generated design for benchmarks.',
    '  scope: { in: [everything], out: [nothing] }',
    '  constraints: { budget: { monthly: 100000, currency: USD }, engineers: 40 }',
    '  compliance: [gdpr]',
    '  standards: { internalProtocol: grpc, externalProtocol: https, asyncProtocol: kafka }',
    'users:',
    '  - { id: u0, kind: end-user, uses: [c0], regions: [EU] }',
    'requirements:',
  ];
  for (let i = 0; i < requirements; i++) {
    lines.push(i % 10 === 9
      ? `  - { id: R${i}, kind: quality, text: Requirement ${i}, target: { workload: w0, latencyP99: 300ms } }`
      : `  - { id: R${i}, kind: function, text: Requirement ${i} }`);
  }
  lines.push('data:');
  lines.push('  - { id: d0, classification: [personal], subjects: [u0], retention: 30d, lawfulBasis: contract }');
  lines.push('  - { id: d1, classification: [internal], subjects: [] }');
  lines.push('zones:');
  lines.push('  - { id: internet, trust: none }', '  - { id: edge, trust: low }', '  - { id: core, trust: internal }', '  - { id: data, trust: restricted }');
  lines.push('components:');
  const kindOf = (i) => (i === 0 ? 'gateway' : KINDS[i % KINDS.length]);
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i);
    const zone = kind === 'external' ? 'internet' : kind === 'gateway' ? 'edge' : kind === 'datastore' ? 'data' : zones[2];
    lines.push(`  - id: c${i}`, `    kind: ${kind}`, `    zone: ${zone}`);
    if (rand() < 0.95) lines.push(`    serves: [R${i % requirements}]`);
    if (kind === 'datastore') lines.push('    stores: [d0]', `    encryptedAtRest: ${rand() < 0.9}`, '    retention: 90d', '    backup: { rpo: 1h, rto: 4h }');
    if (kind !== 'external') {
      lines.push(`    exposes: [{ protocol: ${kind === 'gateway' ? 'https, public: true, auth: oauth2, rateLimit: 1000/s, waf: true' : kind === 'datastore' ? 'sql, auth: password' : kind === 'queue' ? 'kafka, auth: mtls' : 'grpc, auth: mtls'} }]`);
      lines.push(`    instances: { min: 2, max: ${2 + Math.floor(rand() * 10)} }`, `    concurrency: ${[8, 16, 32, 64][i % 4]}`, `    serviceTime: ${1 + Math.floor(rand() * 20)}ms`, '    cost: { perInstanceMonthly: 50 }');
    }
  }
  lines.push('links:');
  for (let i = 0; i < n; i++) {
    for (let k = 1; k <= 3; k++) {
      let j = (i + k * 7919 + Math.floor(rand() * 13)) % n;
      if (kindOf(j) === 'gateway') j = (j + 1) % n; // only the outside calls gateways
      if (j === i) continue;
      const to = kindOf(j);
      const protocol = to === 'datastore' ? 'sql' : to === 'queue' ? 'kafka' : to === 'external' || to === 'gateway' ? 'https' : rand() < 0.02 ? 'http' : 'grpc';
      const tls = rand() < 0.97 ? 'mtls' : 'none';
      lines.push(`  - { id: l${i}-${k}, from: c${i}, to: c${j}, protocol: ${protocol}, tls: ${tls}, auth: mtls, carries: [${rand() < 0.5 ? 'd0' : 'd1'}] }`);
    }
  }
  lines.push('workloads:');
  lines.push('  - { id: w0, rate: 500/s, peakFactor: 2, growth: 5%/month, horizon: 24 months, path: [c0, c1, c2, c3] }');
  lines.push('  - { id: w1, rate: 50/s, path: [c0, { c11: { calls: 2 } }, c12] }');
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `bench/out/design-${n}.yaml`;
  writeFileSync(out, generateDesign(n));
  console.log(out);
}
