// Writes dist/bundle/cli.cache: V8's code for dist/bundle/cli.cjs after a
// review of the bundled example, so it holds the functions a `check` runs, not
// only the top level (see bin/load-cli.js). Run by scripts/bundle.js.
import { writeFileSync } from 'node:fs';
import { CODE_CACHE, loadCli } from '../bin/load-cli.js';

const { main, script } = loadCli({ useCache: false });
await main([process.argv[0], 'archwright', 'check', new URL('../examples/bot-platform/archwright.yaml', import.meta.url).pathname, '--format', 'json', '--fail-on', 'never']);
if (process.exitCode) throw new Error(`the review of the example failed (exit ${process.exitCode}): no code cache written`);
writeFileSync(CODE_CACHE, script.createCachedData());
