/**
 * A child process holding what several service instances share, for `npm run bench:http --
 * --instances` (bench/http-instances.ts): a throwaway PostgreSQL 15 and BACKENDS_LEDGERS EventStoreDB
 * protocol fakes (one per system under test, so no system reads another's log). Run through the
 * SWC register (no build step; test support is not compiled into dist/):
 *   node -e "require('./test/read-models/support/swc-register'); require('./test/support/shared-backends-process.ts')"
 * Prints one JSON line { postgres, ledgers: [...] } on stdout; stops everything when stdin closes
 * (the parent exited or let go) or on SIGTERM.
 */
import { startEsdbProtocolFake, type EsdbProtocolFake } from './esdb-protocol-fake';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres/throwaway-postgres';

async function main(): Promise<void> {
  const pg: ThrowawayPostgres = await startThrowawayPostgres();
  const fakes: EsdbProtocolFake[] = [];
  for (let i = 0; i < Number(process.env.BACKENDS_LEDGERS ?? 1); i++)
    fakes.push(await startEsdbProtocolFake({ batchAppend: true }));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const f of fakes) await f.stop();
    await pg.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop()).resume();
  process.stdout.write(`${JSON.stringify({ postgres: pg.url, ledgers: fakes.map((f) => f.connectionString) })}\n`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
