import { TEST_STORE_DEADLINE_MS } from './esdb-test-store';
import { startEsdbProtocolFake, type EsdbProtocolFake } from './esdb-protocol-fake';

export interface TestLedgerStore {
  /** Variables to put under the suite's own (LEDGER_STORE and, for ESDB, ESDB_CONNECTION_STRING). */
  env: Record<string, string>;
  /** The fake server, when the app runs on one (e.g. to count RPCs or pass a deadline). */
  fake?: EsdbProtocolFake;
  /** After the app is closed. */
  stop(): Promise<void>;
}

/**
 * The ledger engine an e2e app runs on: the in-memory store, or, with TEST_LEDGER_STORE=esdb-fake
 * (the `e2e-esdb` jest project, test/support/e2e-esdb.setup.js), LEDGER_STORE=esdb against a fresh
 * in-process EventStoreDB protocol fake per app, with a real node's positions (byte offsets with
 * gaps, $all refused from any other number), so the whole application is tested on them. A suite
 * that names its own LEDGER_STORE (e.g. sqlite, to restart on the same files) keeps it.
 */
export async function testLedgerStore(env: Record<string, string> = {}): Promise<TestLedgerStore> {
  if (env.LEDGER_STORE !== undefined || process.env.TEST_LEDGER_STORE !== 'esdb-fake') {
    return { env: { LEDGER_STORE: 'memory' }, stop: async () => undefined };
  }
  const fake = await startEsdbProtocolFake({ batchAppend: true });
  return {
    env: {
      LEDGER_STORE: 'esdb',
      ESDB_CONNECTION_STRING: fake.connectionString,
      STORE_DEADLINE_MS: String(TEST_STORE_DEADLINE_MS),
    },
    fake,
    stop: () => fake.stop(),
  };
}
