/**
 * The published queueing reference cases in ../shared/reference/queueing-cases.json
 * (beside the repository). Missing file = failed test, never a skip: CI has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_FILE = path.resolve(repoRoot, '../shared/reference/queueing-cases.json');

export interface ReferenceCase {
  id: string;
  model: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  computed: Record<string, unknown>;
  source: string;
}

export function loadReferenceCases(): Map<string, ReferenceCase> {
  if (!existsSync(REFERENCE_FILE)) {
    throw new Error(`queueing reference cases not found at ${REFERENCE_FILE}: the accuracy tests need shared/ beside the repository`);
  }
  const cases = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as ReferenceCase[];
  return new Map(cases.map((c) => [c.id, c]));
}

/** A published figure: "3/19" (exact) or a decimal number. */
export function valueOf(figure: unknown): number {
  if (typeof figure === 'number') return figure;
  if (typeof figure === 'string') {
    if (/^-?\d+(?:\.\d+)?$/.test(figure)) return Number(figure);
    const m = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(figure);
    if (m) return Number(m[1]) / Number(m[2]);
  }
  throw new Error(`not a figure: ${JSON.stringify(figure)}`);
}

/**
 * Half a unit in the last printed digit of a published decimal, e.g. 0.182 → 5e-4:
 * a value rounded to that many digits is matched when the analytic value rounds to it.
 */
export function roundingTolerance(published: number): number {
  const text = String(published);
  const decimals = text.includes('e') ? 0 : (text.split('.')[1] ?? '').length;
  return 0.5 * Math.pow(10, -decimals) * (1 + 1e-9);
}
