'use strict';
/**
 * dist/service.js, what `npm start` runs (scripts/bundle-service.js copies this file there): runs the
 * one-file bundle dist/service.bundle.js as a CommonJS module compiled through `vm.Script` with a V8
 * code cache, so a start skips most of compiling the bundle (~0.1 s of CPU of ~0.7 s).
 *
 * The cache, dist/service.bundle.v8cache, is made once the service is listening (so it holds the
 * functions boot compiled, not only the top level) whenever there was none to use, written atomically
 * (a temporary file renamed). It is never stale: its first line is a key of the bundle's content
 * (SHA-256), Node's version and the architecture, and a cache with another key is ignored. V8 also
 * checks it (its version, flags) and may reject it (`cachedDataRejected`): that is only a normal
 * compile, and a new cache is written. A directory the service cannot write (a read-only image)
 * leaves it without a cache, nothing else.
 *
 * V8's check includes its flags, so the service's own (src/startup/service-v8-flags.ts; the bundle's
 * heap-settings sets them again) are set here before the compile: a cache is then made and checked under the same flags.
 * Set only inside the bundle, they made every start's cache one V8 refused (~0.35 s more CPU a start).
 * Among them, --no-flush-bytecode keeps V8 from dropping what boot compiled before the cache is made,
 * however long the first start ran (a catch-up); see service-v8-flags.ts.
 */
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const vm = require('node:vm');

/**
 * The service's V8 flags, as src/startup/service-v8-flags.ts declares them (a test holds the two equal).
 * Set first thing in launch(): set in a process that has run a while, this one can kill it (see there).
 */
const SERVICE_V8_FLAGS = '--memory-reducer-single-gc --no-flush-bytecode';

/** The cache's key: it is used only for this exact bundle on this Node. A string hashes as its UTF-8 bytes. */
function cacheKey(source) {
  return createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex');
}

/** The cached code for this key, or undefined (none, unreadable, or made for another bundle or Node). */
function readCache(cacheFile, key) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  return newline > 0 && bytes.subarray(0, newline).toString('latin1') === key ? bytes.subarray(newline + 1) : undefined;
}

/** Writes the cache beside the bundle, atomically; false when it cannot (a read-only directory). */
function writeCache(cacheFile, key, data) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), data]));
    renameSync(temporary, cacheFile);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there either.
    }
    return false;
  }
}

/**
 * The bundle's first and last lines (scripts/bundle-service.js writes them): its code inside the
 * CommonJS wrapper the launcher compiles, followed by the call Node's own loader needs when the file
 * is run directly (`node dist/service.bundle.js`, as bench:startup's `bundle-uncached` does).
 */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_CALL = '.call(this, exports, require, module, __filename, __dirname);';

/**
 * The bundle's text from its bytes: a one-byte string when they are ASCII, as the build makes them
 * (scripts/ascii-only.js), copied once with no UTF-8 decode; otherwise decoded as UTF-8.
 */
function sourceOf(bytes) {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * The module function's source: the bundle up to its wrapper's call, a slice V8 compiles without
 * copying, or any other text wrapped here (a second copy of it, ~20 ms for the 7 MB bundle).
 */
function wrapped(text) {
  const end = '\n})';
  const call = text.lastIndexOf(`${end}${WRAPPER_CALL}`);
  return text.startsWith(WRAPPER_HEAD) && call > 0 ? text.slice(0, call + end.length) : `${WRAPPER_HEAD}${text}${end}`;
}

/**
 * Compiles `source` (the file's bytes, or its text) as the CommonJS module `filename` with the cache
 * in `cacheFile`. Returns the module's function (exports, require, module, __filename, __dirname),
 * how the cache served ('used', 'rejected' by V8, or 'none': absent or another key), and
 * `saveCache()`, which writes a cache of everything compiled so far when this start had none to use
 * (once; true if it wrote).
 */
function compileWithCache(source, filename, cacheFile) {
  // The key hashes the bytes as read: hashing the decoded text would encode 7 MB back to UTF-8 first.
  const key = cacheKey(source);
  const text = typeof source === 'string' ? source : sourceOf(source);
  const cachedData = readCache(cacheFile, key);
  const script = new vm.Script(wrapped(text), {
    filename,
    cachedData,
    // A bundled `import()` (Nest's ES-module loader) resolves as it would in a file Node loaded.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  let saved = cache === 'used';
  const saveCache = () => {
    if (saved) return false;
    saved = true;
    return writeCache(cacheFile, key, script.createCachedData());
  };
  return { run: script.runInThisContext(), cache, saveCache };
}

/** Runs the bundle beside this file; once its service listens, saves a cache if it had none to use. */
function launch() {
  setFlagsFromString(SERVICE_V8_FLAGS);
  const bundle = join(__dirname, 'service.bundle.js');
  const { run, cache, saveCache } = compileWithCache(
    readFileSync(bundle),
    bundle,
    join(__dirname, 'service.bundle.v8cache'),
  );
  // How the cache served this start ('used', 'rejected' or 'none'), for whoever asks require.main.
  module.exports.launched = { cache };
  const bundled = { exports: {}, filename: bundle, id: bundle, loaded: false };
  run.call(bundled.exports, bundled.exports, createRequire(bundle), bundled, bundle, dirname(bundle));
  // src/main.ts exports `listening`: true once the port is bound (a refused start exits instead).
  void Promise.resolve(bundled.exports.listening).then((listening) => {
    if (listening === true) saveCache();
  });
}

module.exports = { compileWithCache, cacheKey, sourceOf, wrapped, WRAPPER_HEAD, WRAPPER_CALL, SERVICE_V8_FLAGS };

if (require.main === module) launch();
