#!/usr/bin/env node
/**
 * Compiles dist/ (tsc -p tsconfig.build.json, then the one-file service bundle and dist/service.js
 * that `npm start` runs: scripts/bundle-service.js) only when the sources changed since the last build, so
 * every npm script that runs a compiled file starts at once on an unchanged tree, and prints nothing
 * on stdout: `TOKEN=$(npm run -s mint-token -- ...)` captures the token alone. Progress and compiler
 * errors go to stderr. Plain JavaScript, so it runs before anything is compiled.
 *
 *   node scripts/build-if-stale.js            build when stale
 *   node scripts/build-if-stale.js --force    always build (npm run build)
 *
 * Stale means: no stamp, or the inputs' fingerprint (every input file's path, size and mtime) differs
 * from the one the stamp recorded. The fingerprint is taken before tsc starts, so a file saved during
 * a build makes the next run build again; a file added, removed or restored with an older mtime
 * counts too, which a newest-mtime comparison alone would miss. A missing bundle is stale too.
 */
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { bundleService, BUNDLE, LAUNCHER } = require('./bundle-service');

/** What tsconfig.build.json compiles, and the files that change how. */
const INPUT_DIRS = ['src', 'projections', 'demo', 'scripts', 'bench'];
const INPUT_FILES = /^(tsconfig.*\.json|package\.json)$/;
/** tsconfig.build.json leaves specs out, so editing one needs no build. */
const NOT_COMPILED = /\.spec\.ts$/;
const STAMP = join('dist', '.build-stamp.json');

function inputFiles(root) {
  const files = readdirSync(root).filter((name) => INPUT_FILES.test(name));
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!NOT_COMPILED.test(entry.name)) files.push(path);
    }
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) walk(dir);
  return files.sort();
}

/** One hash over every input's path, size and mtime: equal when nothing that tsc reads has changed. */
function fingerprint(root) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) {
    const { size, mtimeMs } = statSync(join(root, file));
    hash.update(`${file}\t${size}\t${Math.trunc(mtimeMs)}\n`);
  }
  return hash.digest('hex');
}

function recorded(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

/** Runs tsc with its stdout sent to our stderr; returns its exit status. */
function compile(root) {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

/** Builds when stale (or forced) and stamps the inputs it built; returns the exit status. */
function buildIfStale(root, { force = false } = {}) {
  const before = fingerprint(root);
  const bundled = [BUNDLE, LAUNCHER].every((file) => existsSync(join(root, file)));
  if (!force && recorded(root) === before && bundled) return 0;
  process.stderr.write(force ? 'building dist/ ...\n' : 'sources changed since the last build: building dist/ ...\n');
  const status = compile(root);
  if (status !== 0) return status;
  try {
    bundleService(root);
  } catch (err) {
    process.stderr.write(`bundling ${BUNDLE} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, STAMP), `${JSON.stringify({ fingerprint: before })}\n`);
  return 0;
}

module.exports = { buildIfStale, fingerprint };

if (require.main === module) {
  process.exitCode = buildIfStale(join(__dirname, '..'), { force: process.argv.includes('--force') });
}
