/**
 * Loads the demo data set (demo/data) into the configured ledger through the HTTP API:
 *   npm run demo:load            (LEDGER_STORE unset: the embedded SQLite ledger in LEDGER_DATA_DIR)
 * If the service is running on that data directory (npm start first, as the README says), the
 * commands go to it over HTTP; otherwise this boots the same app as production in process, holding
 * the data directory while it loads. Either way every command is sent as a realistic actor with a
 * dev token (AUTH_MODE=dev), and it prints what was written. Safe to run twice: the second run
 * replays the first run's answers (stable Idempotency-Keys) and writes nothing.
 */
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { runDemoLoad, type DemoLoadRoute } from '../demo/load/run-demo-load';
import { ledgerFile } from '../src/ledger/event-store.factory';

function where(config: AppConfig, route: DemoLoadRoute): string {
  if (route.kind === 'service')
    return `the running service at ${route.url} (pid ${route.pid ?? 'unknown'}, data directory ${config.dataDir})`;
  if (config.store === 'sqlite') return ledgerFile(config);
  return config.store === 'memory' ? 'memory (gone when this process exits)' : 'EventStoreDB (ESDB_CONNECTION_STRING)';
}

async function main(): Promise<void> {
  // Boot and request logs would drown the summary (a refusal is printed in full anyway); LOG_LEVEL overrides.
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  const { tally, route } = await runDemoLoad(config);
  console.log(
    [
      `Demo data loaded into ${where(config, route)}`,
      `  requests:        ${tally.requests} (${tally.replayed} replayed from an earlier run)`,
      `  records created: ${tally.recordsCreated}`,
      `  events written:  ${tally.eventsWritten}`,
    ].join('\n'),
  );
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
