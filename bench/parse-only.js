// The baseline: only parse the design file with js-yaml, nothing else.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const doc = yaml.load(readFileSync(process.argv[2], 'utf8'));
if (doc === null) process.exit(1);
