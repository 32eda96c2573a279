import { mintDevToken } from '../../src/auth/mint-token';
import { loadConfig } from '../../src/config/app-config';
import { freePort } from '../http-service';

/** What autocannon answers (the fields the HTTP benches read). */
export interface AutocannonResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  latency: { p50: number; p99: number };
}

/** One request autocannon sends (its `requests` entries). */
export interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (opts: object) => Promise<AutocannonResult>;

/**
 * The service as every HTTP bench runs it: SQLite with synchronous=FULL on `dataDir`, a free
 * loopback port, request logs off (the figures are the service's, not a terminal's), no rate
 * limiter and no schedules; and the two dev tokens the benches act with, minted before the service
 * starts so both use the one key pair made under the data directory.
 */
export async function projectUnderLoad(dataDir: string) {
  const env = {
    LEDGER_STORE: 'sqlite',
    SQLITE_SYNCHRONOUS: 'FULL',
    LEDGER_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DIGEST_INTERVAL_MINUTES: '0',
    RETENTION_INTERVAL_MINUTES: '0',
  };
  const config = loadConfig(env);
  const admin = await mintDevToken(config, { userId: 'bench-admin', role: 'admin', agency: 'bench' });
  const manager = await mintDevToken(config, { userId: 'bench-manager', role: 'business-manager', agency: 'bench' });
  return { env, admin, manager };
}
