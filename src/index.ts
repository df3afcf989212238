/** The public library API: `import { loadDesign, check } from 'archwright'`. */
import type { Design } from './model/design.js';
import { allRules } from './rules/index.js';
import { review, type Review, type ReviewOptions } from './rules/engine.js';

export { loadDesign, type DesignHost, type LoadResult, type LoadOptions } from './model/load.js';
export type * from './model/design.js';
export { DesignSchema, designJsonSchema } from './model/schema.js';
export type { DesignError, SourceLocation } from './model/errors.js';
export { formatDesignError } from './model/errors.js';
export { allRules, findRule, review, reachesThreshold } from './rules/index.js';
export type { Finding, Rule, RuleMeta, Severity, Review, ReviewOptions } from './rules/index.js';
export { formatters } from './formats/index.js';
export { nodeHost } from './io/node-host.js';

/** Runs every shipped rule over a loaded design. */
export function check(design: Design, options: ReviewOptions = {}): Review {
  return review(design, allRules, options);
}
