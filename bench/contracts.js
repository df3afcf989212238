// `node bench/contracts.js`: whole-process time of `archwright contracts old new`
// on a generated ~5 MB OpenAPI document and a modified copy (bar: < 3 s), beside
// the whole-process time of only parsing both files with js-yaml.
// Uses /usr/bin/time for wall time and peak RSS; prints medians. Needs `npm run build`.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { median, requireTime, timeProcess as measure } from './time.js';

const TARGET_MB = Number(process.env.BENCH_MB ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = 'bench/out';
mkdirSync(OUT, { recursive: true });

requireTime();
if (!existsSync('dist/bundle/cli.cjs')) {
  console.error('run `npm run build` first');
  process.exit(2);
}

/** An API of `resources` resources, each with a schema and five operations sharing it. */
function generate(resources) {
  const paths = {};
  const schemas = {};
  for (let i = 0; i < resources; i++) {
    const name = `Resource${i}`;
    const ref = { $ref: `#/components/schemas/${name}` };
    schemas[name] = {
      type: 'object',
      required: ['id', 'name', 'status'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        name: { type: 'string', maxLength: 200 },
        status: { type: 'string', enum: ['active', 'suspended', 'deleted'] },
        count: { type: 'integer', minimum: 0 },
        price: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
        createdAt: { type: 'string', format: 'date-time' },
        owner: { $ref: `#/components/schemas/Resource${(i + 1) % resources}` },
      },
    };
    const list = { type: 'object', properties: { items: { type: 'array', items: ref }, next: { type: 'string', nullable: true } } };
    const json = (schema) => ({ 'application/json': { schema } });
    paths[`/r${i}`] = {
      get: {
        operationId: `list${name}`,
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'A page.', content: json(list) }, 400: { description: 'Bad request.' } },
      },
      post: {
        operationId: `create${name}`,
        requestBody: { required: true, content: json(ref) },
        responses: { 201: { description: 'Created.', content: json(ref) } },
      },
    };
    paths[`/r${i}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: { operationId: `get${name}`, responses: { 200: { description: 'Found.', content: json(ref) }, 404: { description: 'Not found.' } } },
      patch: { operationId: `update${name}`, requestBody: { content: json(ref) }, responses: { 200: { description: 'Updated.', content: json(ref) } } },
      delete: { operationId: `delete${name}`, responses: { 204: { description: 'Deleted.' } } },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Generated API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ oauth2: ['read'] }],
    paths,
    components: { securitySchemes: { oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'read', write: 'write' } } } } }, schemas },
  };
}

/** A handful of changes spread through the document: some breaking, some not. */
function modify(doc, resources) {
  const copy = structuredClone(doc);
  const at = (f) => Math.floor(resources * f);
  delete copy.paths[`/r${at(0.1)}/{id}`].delete;
  copy.components.schemas[`Resource${at(0.3)}`].properties.count.type = 'string';
  copy.paths[`/r${at(0.5)}`].get.parameters[1].required = true;
  copy.components.schemas[`Resource${at(0.7)}`].properties.status.enum.push('archived');
  copy.paths[`/r${at(0.9)}`].post.security = [{ oauth2: ['read', 'write'] }];
  copy.paths[`/extra`] = { get: { responses: { 200: { description: 'New.' } } } };
  return copy;
}

// Size the document: measure one resource's share, then generate to the target.
const perResource = yaml.dump(generate(50), { lineWidth: 200 }).length / 50;
const resources = Math.max(10, Math.round((TARGET_MB * 1024 * 1024) / perResource));
const doc = generate(resources);
const oldFile = `${OUT}/openapi-old.yaml`;
const newFile = `${OUT}/openapi-new.yaml`;
writeFileSync(oldFile, yaml.dump(doc, { lineWidth: 200, noRefs: true }));
writeFileSync(newFile, yaml.dump(modify(doc, resources), { lineWidth: 200, noRefs: true }));
const parseOnly = `${OUT}/parse-two.mjs`;
writeFileSync(parseOnly, "import { readFileSync } from 'node:fs';\nimport yaml from 'js-yaml';\nfor (const f of process.argv.slice(2)) yaml.load(readFileSync(f, 'utf8'));\n");

const cli = ['node', 'bin/archwright.js', 'contracts', oldFile, newFile, '--format', 'json'];
measure(cli); // warm-up: file cache
const runs = [];
const parses = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(measure(cli));
  parses.push(measure(['node', parseOnly, oldFile, newFile]));
}
const report = JSON.parse(runs[0].stdout);
const wall = median(runs.map((r) => r.wall));
const user = median(runs.map((r) => r.user));
const parse = median(parses.map((r) => r.wall));
const parseUser = median(parses.map((r) => r.user));
console.log(`archwright contracts on a generated OpenAPI document and a modified copy, ${RUNS} runs (median; node ${process.version})`);
console.log(`document: ${(statSync(oldFile).size / 1048576).toFixed(2)} MB, ${resources} schemas, ${resources * 5} operations`);
console.log(`changes:  ${report.summary.breaking} breaking, ${report.summary.warning} warning, ${report.summary.info} info (exit ${runs[0].status})`);
console.log(`contracts old new: ${wall.toFixed(2)} s wall, ${user.toFixed(2)} s user CPU, ${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB peak`);
console.log(`js-yaml parse of both files only: ${parse.toFixed(2)} s wall, ${parseUser.toFixed(2)} s user CPU; ratio (wall) ${(wall / parse).toFixed(2)}`);
console.log(`load average now: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
console.log(`bar: < 3 s whole-process — ${wall < 3 ? 'met' : 'NOT met'}`);
