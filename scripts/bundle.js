// Bundles the CLI into dist/bundle/ so `archwright check` starts fast: loading
// zod and the CLI as ~100 separate ES modules cost ~15% of a 10k-component
// check (measured with bench/). Only the small packages every command needs are
// inlined; everything else stays an ordinary import, resolved from node_modules
// and loaded lazily by the commands that use it (code splitting keeps each
// command's own modules in separate chunks).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

// chunk names change with their content: start empty so old chunks do not pile up
rmSync('dist/bundle', { recursive: true, force: true });

const INLINE = new Set(['zod', 'js-yaml', 'commander', 'picocolors', 'picomatch']);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

// Packages that modules on the path of `check` import but few runs use: protobufjs (only a design with
// a .proto contract) and tinyglobby (only an include: with a glob). Loading them took ~15 ms of every
// start (measured), so each is bundled into a CommonJS file of its own that a stand-in module requires
// on first use. The sources keep plain static imports, so tests and the browser viewer are unchanged.
const LAZY = {
  protobufjs: 'export default new Proxy({}, { get: (_target, key) => load()[key] });',
  tinyglobby: 'export const globSync = (...args) => load().globSync(...args);',
};
// the packages' CommonJS builds (tinyglobby's ES module build needs import.meta.url, which CommonJS lacks)
const requireHere = createRequire(import.meta.url);
await Promise.all(Object.keys(LAZY).map((name) => build({
  entryPoints: [requireHere.resolve(name)],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: `dist/bundle/lazy/${name}.cjs`,
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
})));
const lazyStandIn = (name) => [
  "import { createRequire } from 'node:module';",
  'let loaded;',
  `const load = () => (loaded ??= createRequire(import.meta.url)('./lazy/${name}.cjs'));`,
  LAZY[name],
].join('\n');

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
      b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazyStandIn(args.path), loader: 'js' }));
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        const name = packageOf(args.path);
        return INLINE.has(name) ? undefined : { external: true };
      });
    },
  }],
});
