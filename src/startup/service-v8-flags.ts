/**
 * The service's V8 flags, as a value only: importing this sets nothing. The service's entry points
 * set them (src/startup/heap-settings.ts for `node dist/src/main.js`, scripts/service-launcher.js
 * for the bundle, a test holds the two equal), at the very start of the process.
 *
 * After a burst of commands V8's memory reducer collects the whole heap up to three times in a row,
 * about 30 s into the quiet, to hand the burst's garbage back to the system. Measured after 10,000
 * commands (BENCHMARKS.md, Idle): the first collection frees nearly all of it (heap 98 -> 43 MB),
 * the other two free nothing and cost ~0.2 s of CPU on an idle service; RSS ends at 130 MB after one
 * against 124 MB after three.
 *
 * Only at the start: set in a process whose memory reducer is between two of its collections, this
 * flag fails a V8 check at the reducer's next step and the process dies with SIGTRAP ("Check failed:
 * v8_flags.memory_reducer_single_gc implies state.started_gcs() == 0"). A jest worker died so, in
 * CI, after a spec imported the module that set it (test/startup/v8-flags-at-runtime.spec.ts).
 *
 * --no-flush-bytecode: the bundle's code cache (scripts/service-launcher.js) is made once, at the
 * first start's "listening" line, from what V8 holds compiled then. V8 drops the bytecode of a
 * function that has not run through five full collections, and a first start that catches up (read
 * models rebuilt, a first full verification) runs many more: its cache lost most of what boot compiles
 * (2.2 MB against 5.5 MB), and every later start of that build compiled it again, ~0.17 s (BENCHMARKS.md).
 * The price is that code which ran once (boot's) stays compiled: a few MB of heap.
 */
export const SERVICE_V8_FLAGS = '--memory-reducer-single-gc --no-flush-bytecode';
