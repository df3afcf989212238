import type { Design } from '../model/design.js';
import type { Review } from '../rules/engine.js';
import type { Rule } from '../rules/types.js';

export interface FormatInput {
  design: Design;
  review: Review;
  rules: readonly Rule[];
  /** Paths in output are written relative to this folder (SARIF, annotations). */
  cwd?: string;
  color?: boolean;
  toolVersion?: string;
}

export type Formatter = (input: FormatInput) => string;
