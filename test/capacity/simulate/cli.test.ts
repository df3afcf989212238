/** `archwright simulate`, run in-process through the CLI's main(). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { SimulationResult } from '../../../src/capacity/simulate/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLE = join(ROOT, 'examples', 'bot-platform', 'archwright.yaml');
const SMALL = join(mkdtempSync(join(tmpdir(), 'archwright-simulate-')), 'small.yaml');
writeFileSync(SMALL, `archwright: 1
system: { name: Small }
components:
  - { id: api, kind: service, instances: 2, concurrency: 8, serviceTime: 10ms }
  - { id: db, kind: datastore, concurrency: 16, serviceTime: 5ms, timeout: 50ms, retries: 1 }
workloads:
  - { id: reads, rate: 400/s, path: [api, { db: { calls: 2 } }] }
`);

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err.push(String(chunk)); return true; });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await main(['node', 'archwright', ...args]);
    return { stdout: out.join(''), stderr: err.join(''), code: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = before;
  }
}

describe('archwright simulate', () => {
  it('prints JSON with every workload and component on the path, quiet on stderr when not a TTY', async () => {
    const r = await cli(['simulate', SMALL, '--duration', '60s', '--seed', '3', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as SimulationResult;
    expect(result.seed).toBe(3);
    expect(result.workloads.map((w) => w.id)).toEqual(['reads']);
    expect(result.components.map((c) => c.id)).toEqual(['api', 'db']);
    expect(result.components[1].arrivalRate.value).toBeGreaterThan(790);
    const p99 = result.workloads[0].latency.p99;
    expect(p99.low).toBeLessThan(p99.value);
    expect(p99.high).toBeGreaterThan(p99.value);
    const again = await cli(['simulate', SMALL, '--duration', '60s', '--seed', '3', '--format', 'json']);
    expect(again.stdout).toBe(r.stdout);
  });

  it('reads the example design, which saturates at its peak load, and says so', async () => {
    const r = await cli(['simulate', EXAMPLE, '--duration', '10s', '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as SimulationResult;
    expect(result.components.map((c) => c.id)).toEqual(['gateway', 'slack-adapter', 'router', 'bot-engine', 'user-service', 'users-db']);
    expect(result.notes.some((n) => n.startsWith('bot-engine is saturated'))).toBe(true);
  });

  it('prints tables with intervals, and applies --fail and --slow', async () => {
    const r = await cli(['simulate', EXAMPLE, '--duration', '10s', '--instances', 'max', '--fail', 'user-service@2s', '--slow', 'users-db=3x@1s..5s']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^workload\s+ok\/s\s+mean\s+p50\s+p95\s+p99/m);
    expect(r.stdout).toMatch(/^inbound\s+\S+ ±/m);
    expect(r.stdout).toMatch(/^user-service\s+/m);
    expect(r.stdout).toContain('Faults: user-service loses an instance at 2s; users-db 3× slower from 1s to 5s.');
  });

  it('exits 2 naming the offending fault and the nearest component', async () => {
    const r = await cli(['simulate', EXAMPLE, '--fail', 'usr-service@60s']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--fail usr-service@60s: unknown component "usr-service" (did you mean "user-service"?)');
    const slow = await cli(['simulate', EXAMPLE, '--slow', 'users-db@30s']);
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain('--slow users-db@30s: expected component=FACTORx');
  });

  it('exits 2 on a bad duration, customer count or month', async () => {
    for (const args of [['--duration', 'long'], ['--customers', '-5'], ['--month', 'june']]) {
      const r = await cli(['simulate', EXAMPLE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${args[0]} ${args[1]}:`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
