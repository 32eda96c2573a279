import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp, type AppOptions } from '../../src/bootstrap';
import { mintDevToken, type TokenClaims } from '../../src/auth/mint-token';
import { ManualClock } from '../../src/shared/clock';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import type { Actor } from '../../src/ledger/event-envelope';
import { TokenVerifier } from '../../src/auth/token-verifier';

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
  const store = app.get<EventStore>(EVENT_STORE);
  // Every e2e suite proves one invariant on the way out: each event's actor is a verified token's.
  const verifier = app.get(TokenVerifier);
  const verified: Actor[] = [];
  const verify = verifier.verify.bind(verifier);
  verifier.verify = async (token) => { const actor = await verify(token); verified.push(actor); return actor; };
  return {
    app, config, clock, store,
    token: (claims = {}) => mintDevToken(config, { ...businessManager, ...claims }),
    async close() {
      const strangers = (await store.readAll()).map((e) => e.metadata.actor).filter((a) => !verified.some((v) =>
        v.userId === a.userId && (a.onBehalfOf ? true : v.role === a.role && v.agency === a.agency)));
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (strangers.length) throw new Error(`Events whose actor is no token's: ${JSON.stringify(strangers.slice(0, 3))}`);
    },
  };
}
