// Bundles the CLI into dist/bundle/cli.cjs, and stores V8's compiled code for it
// beside it (dist/bundle/cli.cache, see scripts/code-cache.js), so that
// `archwright check` starts fast: loading zod and the CLI as ~100 separate ES
// modules cost ~15% of a 10k-component check, and compiling the bundle's code
// at every start another ~25 ms (both measured with bench/).
//
// One CommonJS script rather than ES module chunks, because Node 20 keeps a code
// cache only for scripts (vm.Script). Each command's own modules are still
// evaluated only when the command runs (esbuild turns their dynamic imports into
// lazy initialisers); packages that are not inlined stay ordinary requires,
// resolved from node_modules when a command needs them.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

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
// A path esbuild does not follow: the file is required at run time, from beside the bundle.
const lazyStandIn = (name) => [
  'let loaded;',
  `const load = () => (loaded ??= require(require('node:path').join(__dirname, 'lazy', '${name}.cjs')));`,
  LAZY[name],
].join('\n');

await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/bundle/cli.cjs',
  logLevel: 'warning',
  // Less text for V8 to parse at every start (the generated validators alone are ~1 MB formatted);
  // names are kept so that stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // The modules find files beside themselves (the viewer, the schema) and start workers on themselves.
  define: { 'import.meta.url': '__archwrightModuleUrl' },
  // A script compiled through vm.Script may not use import() without an experimental flag: require the
  // packages instead (Node 20.19+ requires ES modules too, such as the graphviz package `draw` uses).
  supported: { 'dynamic-import': false },
  banner: { js: "var __archwrightModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
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

// in a process of its own: the code cache must come from a run of the bundle as bin/archwright.js runs it
execFileSync(process.execPath, [new URL('code-cache.js', import.meta.url).pathname], { stdio: ['ignore', 'ignore', 'inherit'] });
