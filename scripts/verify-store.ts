/**
 * Verifies a SQLite ledger file, for auditors and for cron:
 *   node dist/scripts/verify-store.js [file=data/ledger.sqlite] [streamId] [--digest published.json ...] [--public-key key.pem]
 * Prints the report as JSON (verdict VALID or TAMPERED, each problem naming event, stream,
 * position and digest); exit code 0 clean, 1 tampering found, 2 could not verify.
 * Opens the file read-only, so it runs beside the service that owns the data directory.
 * What it can and cannot detect: README.md, "Verifying the ledger".
 */
import { runVerifyStore } from '../src/ledger/integrity/verify-store-cli';

runVerifyStore(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('verify-store:', err);
    process.exitCode = 2;
  },
);
