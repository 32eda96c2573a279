/**
 * Re-verifies the hash chains in a SQLite ledger file, for auditors and for cron:
 *   node dist/scripts/verify-store.js [file=data/ledger.sqlite] [streamId]
 * Prints the report as JSON; exit code 0 clean, 1 tampering found, 2 could not verify.
 * Opens the file read-only, so it runs beside the service that owns the data directory.
 */
import { existsSync } from 'node:fs';
import { verifyStore } from '../src/ledger/integrity/verify-store';
import { ReadOnlySqliteLedger } from '../src/ledger/sqlite/read-only-ledger';

async function main([file = 'data/ledger.sqlite', streamId]: string[]): Promise<number> {
  // A missing path would be an empty ledger, reported clean: refuse instead (SQLite would too, less plainly).
  if (!existsSync(file)) {
    console.error(`verify-store: no ledger file at ${file}`);
    return 2;
  }
  const ledger = new ReadOnlySqliteLedger(file);
  try {
    const report = await verifyStore(ledger, streamId);
    console.log(JSON.stringify({ file, ...(streamId === undefined ? {} : { streamId }), ...report }, null, 2));
    return report.ok ? 0 : 1;
  } finally {
    ledger.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error('verify-store:', err); process.exitCode = 2; },
);
