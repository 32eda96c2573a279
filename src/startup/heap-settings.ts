import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the service process, applied before anything else runs (main.ts imports this
 * first). The flag is read each time V8 decides, so setting it at run time takes effect.
 *
 * After a burst of commands V8's memory reducer collects the whole heap up to three times in a row,
 * about 30 s into the quiet, to hand the burst's garbage back to the system. Measured after 10,000
 * commands (BENCHMARKS.md, Idle): the first collection frees nearly all of it (heap 98 -> 43 MB),
 * the other two free nothing and cost ~0.2 s of CPU on an idle service; RSS ends at 130 MB after one
 * against 124 MB after three.
 */
export const SERVICE_V8_FLAGS = '--memory-reducer-single-gc';

// The launcher (scripts/service-launcher.js) sets the same before compiling the bundle, so that V8
// takes the bundle's code cache; here they serve the unbundled build (node dist/src/main.js) too.
setFlagsFromString(SERVICE_V8_FLAGS);
