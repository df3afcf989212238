#!/usr/bin/env node
/**
 * Writes, from the zod schema (via the built dist/):
 * - schema/archwright.schema.json, the JSON Schema editors use;
 * - src/model/generated/validators.ts, the same JSON Schema compiled by ajv into
 *   plain validation functions, the loader's fast path for valid documents.
 * `--check` only compares. Run with `npm run schema` (which builds first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designJsonSchema, validatorSource } from '../dist/model/schema-artifacts.js';

const outputs = [
  ['schema/archwright.schema.json', `${JSON.stringify(designJsonSchema(), null, 2)}\n`],
  ['src/model/generated/validators.ts', validatorSource()],
];

for (const [path, text] of outputs) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // a missing file is simply out of date
    }
    if (committed !== text) {
      process.stderr.write(`${path} is out of date: run npm run schema\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${path} (${text.length} bytes)\n`);
  }
}
