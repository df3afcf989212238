import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './run.js';

describe('archwright schema', () => {
  it('prints the JSON Schema that is committed as schema/archwright.schema.json', () => {
    const result = run(['schema']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'schema', 'archwright.schema.json'), 'utf8'));
    expect(JSON.parse(result.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
