/**
 * Loads the demo data set (src/demo/data) into the configured ledger through the HTTP API:
 *   npm run demo:load            (LEDGER_STORE unset: the embedded SQLite ledger in LEDGER_DATA_DIR)
 * Boots the same app as production, sends every command as a realistic actor with a dev token
 * (AUTH_MODE=dev), prints what was written and closes. Safe to run twice: the second run replays
 * the first run's answers (stable Idempotency-Keys) and writes nothing.
 */
import { createApp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { loadDemo } from '../src/demo/load/load-demo';
import { ledgerFile } from '../src/ledger/event-store.factory';

function where(config: AppConfig): string {
  if (config.store === 'sqlite') return ledgerFile(config);
  return config.store === 'memory' ? 'memory (gone when this process exits)' : 'EventStoreDB (ESDB_CONNECTION_STRING)';
}

async function main(): Promise<void> {
  // Boot and request logs would drown the summary (a refusal is printed in full anyway); LOG_LEVEL overrides.
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  const app = await createApp(config);
  try {
    const tally = await loadDemo(app);
    console.log([
      `Demo data loaded into ${where(config)}`,
      `  requests:        ${tally.requests} (${tally.replayed} replayed from an earlier run)`,
      `  records created: ${tally.recordsCreated}`,
      `  events written:  ${tally.eventsWritten}`,
    ].join('\n'));
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
