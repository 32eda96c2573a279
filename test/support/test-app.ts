import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp, type AppOptions } from '../../src/bootstrap';
import { mintDevToken, type TokenClaims } from '../../src/auth/mint-token';
import { ManualClock } from '../../src/shared/clock';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  clock: ManualClock;
  store: EventStore;
  token(claims?: Partial<TokenClaims>): Promise<string>;
  close(): Promise<void>;
}

export const businessManager: TokenClaims = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };

/** The real app (same bootstrap as production) on the in-memory store, a manual clock and dev tokens. */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = loadConfig({ LEDGER_STORE: 'memory', LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', ...env });
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const app = await createApp(config, clock, options);
  return {
    app, config, clock,
    store: app.get<EventStore>(EVENT_STORE),
    token: (claims = {}) => mintDevToken(config, { ...businessManager, ...claims }),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
