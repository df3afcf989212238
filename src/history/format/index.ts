import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffStylish } from './stylish.js';
import type { DiffFormatter } from './types.js';

export const diffFormatters: Record<string, DiffFormatter> = {
  stylish: formatDiffStylish,
  json: formatDiffJson,
  markdown: formatDiffMarkdown,
};

export const DIFF_FORMAT_NAMES = Object.keys(diffFormatters);
export type { DiffFormatInput, DiffFormatter } from './types.js';
