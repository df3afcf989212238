// Bundles the CLI into dist/bundle/ so `archwright check` starts fast: loading
// zod and the CLI as ~100 separate ES modules cost ~15% of a 10k-component
// check (measured with bench/). Only the small packages every command needs are
// inlined; everything else stays an ordinary import, resolved from node_modules
// and loaded lazily by the commands that use it (code splitting keeps each
// command's own modules in separate chunks).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names change with their content: start empty so old chunks do not pile up
rmSync('dist/bundle', { recursive: true, force: true });

// protobufjs is here because the contracts rules parse .proto files inside `check`.
const INLINE = new Set(['zod', 'js-yaml', 'commander', 'picocolors', 'tinyglobby', 'fdir', 'picomatch', 'protobufjs', 'long']);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  logLevel: 'warning',
  // Less text for V8 to parse at every start (the generated validators alone are ~1 MB formatted);
  // names are kept so that stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS packages inside an ES module bundle need a real `require`.
  banner: { js: "import { createRequire as __archwrightRequire } from 'node:module'; const require = __archwrightRequire(import.meta.url);" },
  plugins: [{
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        const name = packageOf(args.path);
        return INLINE.has(name) || name.startsWith('@protobufjs/') ? undefined : { external: true };
      });
    },
  }],
});
