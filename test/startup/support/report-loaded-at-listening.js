'use strict';
/**
 * Preloaded (`node -r`) into a service process under test: right after it prints its "listening"
 * line, prints `LOADED <json>`, every file boot loaded through require (require.cache), so the test
 * sees what boot loaded and what it left to first use, in the process as production starts it; then
 * `CACHE <how>`, how the launcher's V8 code cache served this start (used, rejected or none).
 */
const write = process.stdout.write.bind(process.stdout);
let reported = false;
process.stdout.write = function writeThenReport(chunk, ...rest) {
  const written = write(chunk, ...rest);
  if (!reported && String(chunk).includes('listening on')) {
    reported = true;
    write(`LOADED ${JSON.stringify(Object.keys(require.cache))}\n`);
    // The main module (the launcher) by its file: this preload's require.main was set before it existed.
    const launcher = require.cache[require('node:path').resolve(process.argv[1])];
    write(`CACHE ${launcher?.exports?.launched?.cache ?? 'unknown'}\n`);
  }
  return written;
};
