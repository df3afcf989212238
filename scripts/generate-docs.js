// Writes docs/rules/ from the rule metadata: one page per rule in `allRules`
// and an index by pack. Run through `npm run docs`, which builds dist/ first.
// Pages of rules that no longer exist are removed (only generated pages: a
// file without the generated marker is left alone and reported).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../dist/docs/rule-docs.js';
import { allRules } from '../dist/rules/index.js';
import { writeFileAtomic } from '../dist/io/node-host.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'docs', 'rules');
const MARKER = '<!-- Generated from the rule metadata';

const files = ruleDocs(allRules);
const wanted = new Set(files.map((f) => f.path));
let written = 0;
for (const file of files) {
  const path = join(out, ...file.path.split('/'));
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === file.content) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, file.content, { force: true });
  written++;
}

let removed = 0;
for (const path of markdownFiles(out)) {
  const rel = relative(out, path).split(sep).join('/');
  if (wanted.has(rel)) continue;
  if (readFileSync(path, 'utf8').startsWith(MARKER)) {
    rmSync(path);
    removed++;
  } else {
    console.warn(`docs/rules/${rel}: not generated and not a rule page; left alone`);
  }
}
console.log(`docs/rules: ${files.length - 1} rule pages and an index; ${written} written, ${removed} removed, ${files.length - written} unchanged`);

function markdownFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (entry.name.endsWith('.md')) found.push(path);
  }
  return found;
}
