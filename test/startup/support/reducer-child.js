// A process whose V8 memory reducer works through its collections (run with --trace-gc-verbose and
// small semi-spaces, as test/startup/v8-flags-at-runtime.spec.ts does): one burst of garbage, then a
// trickle of allocation slow enough that the reducer calls the process idle. When a byte arrives on
// stdin it does what argv[2] says and prints "ACTED":
// - set:  sets the service's V8 flags here, in a process that has been running;
// - load: loads the two modules a test reads those flags from, which must set nothing.
'use strict';
require('../../read-models/support/swc-register');
const { setFlagsFromString } = require('node:v8');

const mode = process.argv[2];
let garbage = [];
for (let round = 0; round < 10; round++) {
  for (let i = 0; i < 200_000; i++) garbage.push({ i, text: 'x'.repeat(50) });
  garbage = [];
}
// ~0.5 MB/s: under V8's "low allocation" line (1 MB/s), yet enough for scavenges, where V8 samples it.
setInterval(() => {
  garbage.push('y'.repeat(25_000) + Date.now());
  if (garbage.length > 100) garbage = [];
}, 50);

process.stdin.once('data', () => {
  if (mode === 'set') {
    setFlagsFromString(require('../../../src/startup/service-v8-flags.ts').SERVICE_V8_FLAGS);
  } else {
    require('../../../src/startup/service-v8-flags.ts');
    require('../../../scripts/service-launcher.js');
  }
  console.log('ACTED');
});
