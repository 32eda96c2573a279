// Runs the projection runner over a SQLite ledger and read-model file until killed.
// argv: <ledger file> <read-model file> <batch size>. Prints "committed <position>" after each
// commit and "caught-up" once it has applied the last event, so the parent knows where it is.
// After each commit line it waits for one byte on stdin before going on, so the parent decides how
// far it gets, however slow or busy the machine is (without it a descheduled parent saw the child
// run to the end before its kill landed). End of input lets it run freely.
'use strict';
require('./swc-register');
const { readSync } = require('node:fs');
const { SqliteEventStore } = require('../../../src/ledger/sqlite/sqlite-event-store.ts');
const { ReadModelStore } = require('../../../src/read-models/read-model-store.ts');
const { ProjectionRunner } = require('../../../src/read-models/projection-runner.ts');
const { actionLogProjection } = require('../../../projections/action-log/action-log.projection.ts');
const { systemClock } = require('../../../src/shared/clock.ts');

const [ledgerFile, readModelFile, batchSize] = process.argv.slice(2);

let stdinOpen = true;
/** Blocks the whole process (so the runner too) until the parent sends a byte or closes stdin. */
function awaitGo() {
  const byte = Buffer.alloc(1);
  while (stdinOpen) {
    try {
      if (readSync(0, byte, 0, 1, null) === 0) stdinOpen = false;
      return;
    } catch (err) {
      if (err.code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

async function main() {
  const events = new SqliteEventStore({ file: ledgerFile }, systemClock);
  const store = new ReadModelStore(readModelFile);
  const runner = new ProjectionRunner(events, store, [actionLogProjection], {
    batchSize: Number(batchSize),
    batchMs: 20,
  });
  let last = -1;
  runner.changesOf(actionLogProjection.name).subscribe((c) => {
    if (c.position === last) return;
    process.stdout.write(`committed ${(last = c.position)}\n`);
    awaitGo();
  });
  const head = (await events.readAll()).at(-1).position;
  setInterval(() => undefined, 1000); // the subscription's poll timer is unref'd: stay alive until killed
  runner.start();
  await runner.waitFor(head, 60_000);
  process.stdout.write('caught-up\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
