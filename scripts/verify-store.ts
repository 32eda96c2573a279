/**
 * Re-verifies the hash chains in a SQLite ledger file, for auditors and for cron:
 *   node dist/scripts/verify-store.js [file=data/ledger.sqlite] [streamId]
 * Prints the report as JSON; exit code 0 clean, 1 tampering found, 2 could not verify.
 */
import { existsSync } from 'node:fs';
import { verifyStore } from '../src/ledger/integrity/verify-store';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { systemClock } from '../src/shared/clock';

async function main([file = 'data/ledger.sqlite', streamId]: string[]): Promise<number> {
  // Opening a missing path would create an empty ledger and report it clean: refuse instead.
  if (!existsSync(file)) {
    console.error(`verify-store: no ledger file at ${file}`);
    return 2;
  }
  const store = new SqliteEventStore({ file }, systemClock);
  try {
    const report = await verifyStore(store, streamId);
    console.log(JSON.stringify({ file, ...(streamId === undefined ? {} : { streamId }), ...report }, null, 2));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error('verify-store:', err); process.exitCode = 2; },
);
