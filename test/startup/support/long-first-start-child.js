// One start of a module through the bundle launcher, as launch() makes it (the service's V8 flags set
// first, then compileWithCache), that saves its cache either at once or after full collections, which
// stand for a first start that ran long (a catch-up) before its "listening" line. Run with
// --expose-gc --stress-flush-code: every collection then drops the bytecode V8 may drop, where a real
// start needs five collections in which a function did not run. Prints the saved cache's size.
//   node --expose-gc --stress-flush-code long-first-start-child.js <cache file> <at-once|after-collections>
'use strict';
const { statSync } = require('node:fs');
const { setFlagsFromString } = require('node:v8');
const launcher = require('../../../scripts/service-launcher.js');

const [cacheFile, when] = process.argv.slice(2);
setFlagsFromString(launcher.SERVICE_V8_FLAGS);
// Boot's code: functions that run once, at load, and never again.
const steps = Array.from({ length: 200 }, (_, i) => `  x = (x * ${i + 3} + ${i}) % 1000003;`).join('\n');
const source = `function boot() {\n  let x = 1;\n${steps}\n  return x;\n}\nexports.booted = boot();\n`;
const file = `${cacheFile}.js`;
const { run, saveCache } = launcher.compileWithCache(source, file, cacheFile);
const mod = { exports: {} };
run.call(mod.exports, mod.exports, require, mod, file, __dirname);
if (when === 'after-collections') for (let i = 0; i < 3; i++) global.gc();
if (!saveCache()) throw new Error('no cache saved');
console.log(statSync(cacheFile).size);
