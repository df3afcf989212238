#!/usr/bin/env node
/**
 * Writes schema/archwright.schema.json from the zod schema (via the built dist/),
 * so editors get the same rules the loader applies. `--check` only compares.
 * Run with `npm run schema` (which builds first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designJsonSchema } from '../dist/model/schema.js';

const target = fileURLToPath(new URL('../schema/archwright.schema.json', import.meta.url));
const text = `${JSON.stringify(designJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing file is simply out of date
  }
  if (committed !== text) {
    process.stderr.write('schema/archwright.schema.json is out of date: run npm run schema\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote schema/archwright.schema.json (${text.length} bytes)\n`);
}
