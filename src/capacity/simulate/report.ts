/** The simulation result as terminal tables: per workload, per component, then notes. */
import pc from 'picocolors';
import { formatDuration } from '../../model/units.js';
import type { SimulationResult } from './index.js';
import type { Estimate } from './statistics.js';

export function formatSimulationTable(result: SimulationResult, color = false): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const what = result.customers !== undefined ? `${count(result.started)} requests` : `${formatDuration(result.stopSeconds)} of arrivals`;
  lines.push(c.bold(`Simulated ${what} (seed ${result.seed}, month ${result.month}): ${count(result.events)} events.`));
  lines.push(c.dim(`Warm-up deleted: the first ${formatDuration(result.warmup.seconds)} (${result.warmup.batchesDeleted} of ${result.warmup.batches} batches; ${result.warmup.rule}).`));
  lines.push(c.dim(`± is the half-width of a 95% confidence interval (${result.intervals}).`));
  if (result.faults.length > 0) {
    const at = (seconds: number) => `${Math.round(seconds * 1000) / 1000}s`;
    lines.push(`Faults: ${result.faults.map((f) => (f.kind === 'fail'
      ? `${f.component} loses an instance at ${at(f.from)}${f.to !== undefined ? ` until ${at(f.to)}` : ''}`
      : `${f.component} ${f.factor}× slower from ${at(f.from)}${f.to !== undefined ? ` to ${at(f.to)}` : ''}`)).join('; ')}.`);
  }
  lines.push('');

  lines.push(...table(
    ['workload', 'ok/s', 'mean', 'p50', 'p95', 'p99', 'errors', 'timeouts', 'retries', 'drops'],
    result.workloads.map((w) => [
      w.id,
      plusMinus(w.throughput, (x) => count(x)),
      plusMinus(w.latency.mean, formatDuration),
      plusMinus(w.latency.p50, formatDuration),
      plusMinus(w.latency.p95, formatDuration),
      plusMinus(w.latency.p99, formatDuration),
      plusMinus(w.errorRate, percent),
      count(w.timeouts),
      count(w.retries),
      count(w.drops),
    ]),
    c.bold,
  ));
  lines.push('');
  lines.push(...table(
    ['component', 'workers', 'utilisation', 'calls/s', 'drops', 'drop prob.'],
    result.components.map((s) => [
      s.utilisation.value >= 0.99 ? c.red(s.id) : s.id,
      String(s.workers),
      plusMinus(s.utilisation, percent),
      plusMinus(s.arrivalRate, (x) => count(x)),
      count(s.drops),
      plusMinus(s.dropProbability, percent),
    ]),
    c.bold,
  ));
  if (result.notes.length > 0) {
    lines.push('');
    for (const note of result.notes) lines.push(c.yellow(`note: ${note}`));
  }
  return `${lines.join('\n')}\n`;
}

function plusMinus(e: Estimate, format: (x: number) => string): string {
  if (!Number.isFinite(e.value)) return '–';
  const half = (e.high - e.low) / 2;
  if (!Number.isFinite(half)) return `${format(e.value)} ±?`;
  return `${format(e.value)} ±${format(half)}`;
}

function count(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 1e7) return `${(x / 1e6).toFixed(1)}M`;
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.001 ? 3 : 1)}%`;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const width = (s: string) => s.replace(ANSI, '').length;

function table(header: string[], rows: string[][], bold: (s: string) => string): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (s: string, i: number) => (i === 0 ? s + ' '.repeat(widths[i] - width(s)) : ' '.repeat(widths[i] - width(s)) + s);
  return [bold(header.map(pad).join('  ')), ...rows.map((r) => r.map(pad).join('  '))];
}
