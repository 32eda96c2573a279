import { startEsdbProtocolFake, type EsdbProtocolFake } from './esdb-protocol-fake';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres/throwaway-postgres';
import { startTestApp, type TestApp } from './test-app';

export interface TwoInstances {
  a: TestApp;
  b: TestApp;
  /** The one ledger both follow (an EventStoreDB protocol fake with a real node's positions). */
  esdb: EsdbProtocolFake;
  /** The state they share, when started with shared state (a throwaway real PostgreSQL). */
  pg?: ThrowawayPostgres;
  stop(): Promise<void>;
}

/**
 * Two service instances behind one load balancer, as the multi-instance suites need them: one
 * ledger, and with `sharedState` one PostgreSQL (SHARED_STATE=postgres). `env` adds to both.
 */
export async function startTwoInstances(
  o: { sharedState?: boolean; env?: Record<string, string> } = {},
): Promise<TwoInstances> {
  const pg = o.sharedState ? await startThrowawayPostgres() : undefined;
  const esdb = await startEsdbProtocolFake({ batchAppend: true });
  const env = {
    LEDGER_STORE: 'esdb',
    ESDB_CONNECTION_STRING: esdb.connectionString,
    ...(pg ? { SHARED_STATE: 'postgres', DATABASE_URL: pg.url } : {}),
    ...o.env,
  };
  const a = await startTestApp(env);
  const b = await startTestApp(env);
  return {
    a,
    b,
    esdb,
    pg,
    async stop() {
      await a.close();
      await b.close();
      await esdb.stop();
      await pg?.stop();
    },
  };
}
