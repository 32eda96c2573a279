import { Logger, type LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp, type AppOptions } from '../../src/bootstrap';
import { guardRunnerWaits } from './runner-waits';
import { mintDevToken, type TokenClaims } from '../../src/auth/mint-token';
import { ManualClock } from '../../src/shared/clock';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import type { Actor, StoredEvent } from '../../src/ledger/event-envelope';
import { StoreUnavailableError } from '../../src/ledger/store-errors';
import { DIGEST_SCHEDULER_ACTOR } from '../../src/ledger/digests/digest-scheduler';
import { PersonalDataCipher } from '../../src/privacy';
import { RETENTION_ACTOR } from '../../src/privacy/services';
import { testLedgerStore } from './test-ledger-store';
import { recordVerifiedActors } from './verified-actors';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  clock: ManualClock;
  store: EventStore;
  token(claims?: Partial<TokenClaims>): Promise<string>;
  /** Every log line the app wrote (request logs and Nest's own), captured in memory. */
  logs?: string[];
  close(): Promise<void>;
}

/** The actor of events a test seeds: no token carries it, and the test app accepts it on close. */
export const SEEDED_BY_TEST: Actor = { userId: 'test-seed', role: 'test-seed', agency: 'test' };

/**
 * Scheduled jobs act as these, and so do streams a test seeds (api-spec.ts existingStream); no token
 * carries them, and nothing else may appear without a token.
 */
const SYSTEM_ACTORS: Actor[] = [DIGEST_SCHEDULER_ACTOR, RETENTION_ACTOR, SEEDED_BY_TEST];

/** Nest's logger, kept in memory instead of on stdout: the suite searches it, the terminal stays quiet. */
function captureNestLogs(lines: string[]): LoggerService {
  const keep =
    (level: string) =>
    (message: unknown, ...rest: unknown[]) => {
      lines.push(`${level} ${String(message)} ${rest.map(String).join(' ')}`);
    };
  return {
    log: keep('log'),
    error: keep('error'),
    warn: keep('warn'),
    debug: keep('debug'),
    verbose: keep('verbose'),
    fatal: keep('fatal'),
    setLogLevels: () => undefined,
  };
}

/** Plaintext personal values found in the logs: each suite fails on close if there is any. */
function leakedPlaintexts(lines: string[], plaintexts: ReadonlySet<string>): string[] {
  const log = lines.join('\n');
  return [...plaintexts].filter((p) => p.length >= 3 && log.includes(p));
}

export const businessManager: TokenClaims = {
  userId: 'amrita-sharma',
  role: 'business-manager',
  agency: 'warwickshire-safeguarding',
};

/**
 * The real app (same bootstrap as production) on the in-memory store (or the EventStoreDB protocol
 * fake in the e2e-esdb project: see test-ledger-store.ts), a manual clock and dev tokens.
 */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const ledger = await testLedgerStore(env);
  const config = loadConfig({
    ...ledger.env,
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  // Logs are captured at info (or the suite's level), also passed on to a stream the suite gave, and on
  // close searched for every plaintext personal value the cipher sealed: none may appear.
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, enc, done) {
      logs.push(String(chunk));
      if (options.logStream) options.logStream.write(chunk, enc, done);
      else done();
    },
  });
  Logger.overrideLogger(captureNestLogs(logs));
  const app = await createApp(config, clock, { ...options, logStream });
  guardRunnerWaits(app);
  const plaintexts = app.get(PersonalDataCipher).rememberPlaintexts();
  const store = app.get<EventStore>(EVENT_STORE);
  // Every e2e suite proves one invariant on the way out: each event's actor is a verified token's.
  const verified = recordVerifiedActors(app);
  return {
    app,
    config,
    clock,
    store,
    logs,
    token: (claims = {}) => mintDevToken(config, { ...businessManager, ...claims }),
    async close() {
      const isSystem = (a: Actor) =>
        SYSTEM_ACTORS.some((s) => s.userId === a.userId && s.role === a.role && s.agency === a.agency);
      const strangers = (await wholeLogOnceAnswered(store))
        .map((e) => e.metadata.actor)
        .filter(
          (a) =>
            !isSystem(a) &&
            !verified.some(
              (v) => v.userId === a.userId && (a.onBehalfOf ? true : v.role === a.role && v.agency === a.agency),
            ),
        );
      await app.close();
      await ledger.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (strangers.length)
        throw new Error(`Events whose actor is no token's: ${JSON.stringify(strangers.slice(0, 3))}`);
      const leaked = leakedPlaintexts(logs, plaintexts);
      if (leaked.length)
        throw new Error(
          `Personal values in the logs: ${leaked.length} sealed plaintext(s) appear in ${logs.length} captured lines`,
        );
    },
  };
}

/**
 * The whole log, read for the closing invariant. A suite with a short STORE_DEADLINE_MS (the fault
 * suites) can meet it with this read on a loaded machine just after the fault is lifted, so a store
 * fault is retried (90 s at most): the invariant is about what was written, not how fast it reads.
 */
async function wholeLogOnceAnswered(store: EventStore): Promise<StoredEvent[]> {
  for (const end = Date.now() + 90_000; ;) {
    try {
      return await store.readAll();
    } catch (err) {
      if (!(err instanceof StoreUnavailableError) || Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The production configuration on SQLite in `dir`, the digest schedule off (only what a test does is written); `env` adds to it. */
export function sqliteServiceConfig(dir: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    LEDGER_STORE: 'sqlite',
    LEDGER_DATA_DIR: dir,
    SQLITE_SYNCHRONOUS: 'NORMAL',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DIGEST_INTERVAL_MINUTES: '0',
    ...env,
  });
}

/** A fresh app for each test of the suite (started before it, closed after it); `use` receives each one. */
export function appForEachTest(use: (t: TestApp) => void, env: Record<string, string> = {}): void {
  let current: TestApp;
  beforeEach(async () => {
    current = await startTestApp(env);
    use(current);
  });
  afterEach(() => current.close());
}

/** The partnership's administrator (registers partners, people and boards). */
export const ADMIN: TokenClaims = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' };
