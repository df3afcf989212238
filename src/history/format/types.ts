import type { Gate } from '../gates.js';
import type { DesignDiff } from '../types.js';

export interface DiffFormatInput {
  diff: DesignDiff;
  color?: boolean;
  /** Gates of `--fail-on` that tripped, with why. */
  tripped?: { gate: Gate; reason: string }[];
}

export type DiffFormatter = (input: DiffFormatInput) => string;
