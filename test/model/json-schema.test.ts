import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { designJsonSchema } from '../../src/model/schema.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const committedText = read('schema/archwright.schema.json');
const committed = JSON.parse(committedText);
const validate = new Ajv2020({ allErrors: true }).compile(committed);

function errorsOf(doc: unknown) {
  validate(doc);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('the committed JSON Schema', () => {
  it('is exactly what the zod schema generates (run npm run schema after changing it)', () => {
    expect(committedText).toBe(`${JSON.stringify(designJsonSchema(), null, 2)}\n`);
  });

  it('accepts every file of the bundled example, entry and included', () => {
    for (const file of ['archwright.yaml', 'data.yaml', 'operations.yaml']) {
      const text = read(`examples/bot-platform/${file}`);
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/archwright.schema.json');
      // As the loader and YAML 1.2 editors read it: dates stay strings.
      expect(errorsOf(yaml.load(text, { schema: yaml.CORE_SCHEMA })), file).toEqual([]);
    }
  });

  it('rejects what the loader rejects: bad units, unknown fields, a wrong version', () => {
    const base = { archwright: 1, system: { name: 'S' } };
    expect(errorsOf({ ...base, components: [{ id: 'api', kind: 'service', serviceTime: '4 parsecs' }] }))
      .toEqual([expect.stringContaining('/components/0/serviceTime must match pattern')]);
    expect(errorsOf({ ...base, workloads: [{ id: 'w', rate: 'fast', path: ['api'] }] }))
      .toEqual([expect.stringContaining('/workloads/0/rate must match pattern')]);
    expect(errorsOf({ ...base, componets: [] })).toEqual([expect.stringContaining('must NOT have additional properties')]);
    expect(errorsOf({ archwright: 2, system: { name: 'S' } })).toEqual([expect.stringContaining('/archwright must be equal to constant')]);
  });

  it('treats a file without system: as an included file, which may not carry checks:', () => {
    expect(errorsOf({ components: [{ id: 'api', kind: 'service' }] })).toEqual([]);
    expect(errorsOf({ components: [], checks: { failOn: 'warning' } })).not.toEqual([]);
    expect(errorsOf({ system: { name: 'S' } })).toContain(" must have required property 'archwright'");
  });

  it('helps editors: every section and system field is described, units carry patterns', () => {
    const props = committed.properties;
    for (const [name, schema] of Object.entries<{ description?: string }>(props)) {
      expect(schema.description, `${name} has no description`).toBeTruthy();
    }
    for (const [name, schema] of Object.entries<{ description?: string }>(props.system.properties)) {
      expect(schema.description, `system.${name} has no description`).toBeTruthy();
    }
    const component = props.components.items.properties;
    for (const unit of ['serviceTime', 'capacity', 'timeout', 'retention']) {
      expect(component[unit].pattern, `components[].${unit}`).toBeTruthy();
    }
    const workload = props.workloads.items.properties;
    for (const unit of ['rate', 'thinkTime', 'growth', 'horizon']) expect(workload[unit].pattern, `workloads[].${unit}`).toBeTruthy();
    expect(workload.path.items.$ref).toBe('#/$defs/PathStep');
  });
});
