/**
 * Runs the bundled CLI (dist/bundle/cli.cjs, built by scripts/bundle.js) with the
 * code V8 compiled for it at build time (dist/bundle/cli.cache): a start without
 * parsing and compiling ~1.5 MB of JavaScript. Node 20 keeps such a cache only
 * for scripts, hence vm.Script and not import. When the cache is missing, older
 * than the bundle, or made by another Node (V8 then rejects it), the bundle is
 * simply compiled as usual.
 */
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const CODE_CACHE = BUNDLE.replace(/\.cjs$/, '.cache');

/** V8 accepts a cache made for any source of the same length: only one written after the bundle is its own. */
function cacheFor(bundle, cache) {
  try {
    return statSync(cache).mtimeMs >= statSync(bundle).mtimeMs ? readFileSync(cache) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bundle's exports (`main`), the script they came from (scripts/code-cache.js asks it for the
 * cache), and whether V8 took the cache.
 */
function loadCli({ bundle = BUNDLE, cache = CODE_CACHE, useCache = true } = {}) {
  const cachedData = useCache ? cacheFor(bundle, cache) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { main: module.exports.main, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { BUNDLE, CODE_CACHE, loadCli };
