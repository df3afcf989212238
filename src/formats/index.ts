import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  junit: formatJunit,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(formatters);
export type { FormatInput, Formatter } from './types.js';
