/**
 * The diff as JSON, for tools: the summary first, then every part of the diff.
 * Findings still open are listed by id only: they are not the change, and
 * `archwright check --format json` has them in full (on a large design they
 * would be most of the output).
 */
import { summariseDiff } from '../summary.js';
import type { DiffFormatInput } from './types.js';

export function formatDiffJson({ diff, tripped = [] }: DiffFormatInput): string {
  const risk = { ...diff.risk, stillOpen: diff.risk.stillOpen.map((f) => f.id) };
  return JSON.stringify({ summary: summariseDiff(diff), failedGates: tripped, ...diff, risk }, null, 2) + '\n';
}
