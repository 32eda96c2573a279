import { TEST_STORE_DEADLINE_MS } from './esdb-test-store';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEsdbProtocolFake, type EsdbProtocolFake } from './esdb-protocol-fake';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres/throwaway-postgres';
import { startTestApp, type TestApp } from './test-app';

export interface Instances {
  /** In start order: A, B, C... */
  all: TestApp[];
  /** The one ledger every instance follows (an EventStoreDB protocol fake with a real node's positions). */
  esdb: EsdbProtocolFake;
  /** The state they share, when started with shared state (a throwaway real PostgreSQL). */
  pg?: ThrowawayPostgres;
  stop(): Promise<void>;
}

export interface TwoInstances extends Omit<Instances, 'all'> {
  a: TestApp;
  b: TestApp;
}

export interface InstanceOptions {
  sharedState?: boolean;
  env?: Record<string, string>;
}

/**
 * `count` service instances behind one load balancer, as the multi-instance suites need them: one
 * ledger, and with `sharedState` one PostgreSQL (SHARED_STATE=postgres) and one personal-data master
 * key file (as every instance of a deployment is given), so keys one wraps the others unwrap. `env`
 * adds to every instance.
 */
export async function startInstances(count: number, o: InstanceOptions = {}): Promise<Instances> {
  const pg = o.sharedState ? await startThrowawayPostgres() : undefined;
  const esdb = await startEsdbProtocolFake({ batchAppend: true });
  const secrets = pg ? mkdtempSync(join(tmpdir(), 'instances-secrets-')) : undefined;
  const masterKeyFile = secrets && join(secrets, 'personal-data-master.key');
  if (masterKeyFile) writeFileSync(masterKeyFile, randomBytes(32), { mode: 0o600 });
  const env = {
    LEDGER_STORE: 'esdb',
    ESDB_CONNECTION_STRING: esdb.connectionString,
    STORE_DEADLINE_MS: String(TEST_STORE_DEADLINE_MS),
    ...(pg ? { SHARED_STATE: 'postgres', DATABASE_URL: pg.url, PERSONAL_DATA_MASTER_KEY_FILE: masterKeyFile! } : {}),
    ...o.env,
  };
  const all: TestApp[] = [];
  for (let i = 0; i < count; i++) all.push(await startTestApp(env));
  return {
    all,
    esdb,
    pg,
    async stop() {
      for (const app of all) await app.close();
      await esdb.stop();
      await pg?.stop();
      if (secrets) rmSync(secrets, { recursive: true, force: true });
    },
  };
}

/** Two instances (startInstances), named a and b. */
export async function startTwoInstances(o: InstanceOptions = {}): Promise<TwoInstances> {
  const { all, ...rest } = await startInstances(2, o);
  const [a, b] = all;
  return { a, b, ...rest };
}
