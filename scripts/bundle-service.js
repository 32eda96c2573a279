#!/usr/bin/env node
/**
 * Bundles the compiled service (dist/src/main.js, tsc's output) into one file, dist/service.bundle.js,
 * and puts beside it dist/service.js, what `npm start` runs: scripts/service-launcher.js, which runs
 * the bundle with a V8 code cache. Start-up at any ledger length is mostly Node finding, loading and
 * compiling ~2,000 module files (stat, package.json reads, realpath, one compile each); one file
 * skips the finding and loading, the cache most of the compiling.
 *
 * tsc's JavaScript is bundled, not the TypeScript: esbuild cannot emit the decorator metadata
 * (emitDecoratorMetadata) Nest's injection and validation read. Each tsc module stays a CommonJS
 * closure in the bundle, run at its first require as before, so a module required at first use
 * (the EventStoreDB store) still runs only then; class names are not renamed.
 *
 *   node scripts/bundle-service.js     (scripts/build-if-stale.js runs it after tsc)
 */
'use strict';
const { copyFileSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { asciiOnly } = require('./ascii-only');
const { WRAPPER_HEAD, WRAPPER_CALL } = require('./service-launcher');

const ENTRY = join('dist', 'src', 'main.js');
const BUNDLE = join('dist', 'service.bundle.js');
const LAUNCHER = join('dist', 'service.js');

/**
 * Left out of the bundle, required from node_modules at run time, and why. Anything added here that
 * boot must not load belongs in test/startup/service-bundle.spec.ts too.
 */
const EXTERNAL = [
  // Native: its .node binary is found relative to its own files.
  'better-sqlite3',
  // Loaded at first use, not at boot (test/startup/lazy-boot.spec.ts): jose with the first token (it
  // is ES-module only), pdfkit with the first summary.pdf (it also reads its font files beside
  // itself), pg with SHARED_STATE=postgres, the EventStoreDB client with ESDB_CONNECTION_STRING.
  'jose',
  'pdfkit',
  'pg',
  '@eventstore/db-client',
  // The /docs assets are served from this package's own directory (its __dirname).
  'swagger-ui-dist',
  // Optional packages Nest requires inside try/catch only when a feature asks; not installed.
  '@nestjs/microservices',
  '@nestjs/websockets',
  '@nestjs/platform-express',
  '@fastify/view',
  // @nestjs/mapped-types tries class-transformer/cjs/storage (bundled), then this old path (absent).
  'class-transformer/storage',
];

/**
 * Writes dist/service.bundle.js (and its source map, chained to tsc's) from dist/src/main.js, then
 * dist/service.js; throws on an error. A cache made for an earlier bundle is left: its key no longer
 * matches, and the next start replaces it.
 */
function bundleService(root) {
  const esbuild = require(require.resolve('esbuild', { paths: [root] }));
  esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    sourcemap: 'linked',
    // Already in the wrapper the launcher compiles, so it compiles a slice of the file's text instead of
    // a copy with the wrapper around it; the call after it runs the file under Node's loader too.
    banner: { js: WRAPPER_HEAD },
    footer: { js: `})${WRAPPER_CALL}` },
    logLevel: 'warning',
  });
  // Pure ASCII, so a start reads it into a one-byte string (scripts/ascii-only.js). The escapes lengthen
  // a few third-party lines (regex alphabets, comments): the source map's columns there point slightly off.
  const bundle = join(root, BUNDLE);
  writeFileSync(bundle, asciiOnly(readFileSync(bundle, 'utf8')));
  copyFileSync(join(__dirname, 'service-launcher.js'), join(root, LAUNCHER));
}

module.exports = { bundleService, BUNDLE, LAUNCHER, EXTERNAL };

if (require.main === module) bundleService(join(__dirname, '..'));
