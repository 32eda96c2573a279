import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo } from '../../../demo/load/load-demo';
import { AppModule } from '../../../src/app.module';
import { mintDevToken, type TokenClaims } from '../../../src/auth/mint-token';
import { loadConfig } from '../../../src/config/app-config';
import { validationPipe } from '../../../src/http/validation';
import { EVENT_STORE, type EventStore } from '../../../src/ledger/event-store.port';
import { setupOpenApi } from '../../../src/openapi';
import { ProjectionRunner } from '../../../src/read-models/projection-runner';
import { guardRunnerWaits } from '../../support/runner-waits';
import { ProjectionsModule } from '../../../src/read-models/projections.module';
import { ManualClock } from '../../../src/shared/clock';
import { send } from '../../support/http';
import { businessManager, type TestApp } from '../../support/test-app';
import { testLedgerStore } from '../../support/test-ledger-store';

export interface ProjectionsTestApp extends TestApp {
  runner: ProjectionRunner;
}

/** A projections app listening on a local port: the SSE suites need one, as inject cannot read a stream. */
export async function startListeningProjectionsApp(): Promise<ProjectionsTestApp> {
  const t = await startProjectionsApp({});
  await t.app.listen(0, '127.0.0.1');
  return t;
}

/**
 * The production bootstrap (same pipes, filters, guards, OpenAPI) with ProjectionsModule added
 * through AppModule's `extra` modules, until it is registered in the app module itself. `extra`
 * adds more (e.g. a projection's own test module until it joins PROJECTIONS).
 */
export async function startProjectionsApp(
  env: Record<string, string> = {},
  extra: Type[] = [],
): Promise<ProjectionsTestApp> {
  // A caller that names the data directory keeps it (to restart on the same files); otherwise it is temporary.
  const dataDir = env.LEDGER_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ledger-projections-'));
  const ledger = await testLedgerStore(env);
  const config = loadConfig({
    ...ledger.env,
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const removeDataDir = () => {
    if (!env.LEDGER_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  };
  let app: NestFastifyApplication;
  try {
    // abortOnError off: a module that fails to start (e.g. an unreadable signing key) throws here instead of exiting.
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, clock, [ProjectionsModule, ...extra]),
      new FastifyAdapter(),
      { logger: false, abortOnError: false },
    );
  } catch (err) {
    await ledger.stop();
    removeDataDir();
    throw err;
  }
  app.useGlobalPipes(validationPipe());
  setupOpenApi(app);
  await app.init();
  guardRunnerWaits(app);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    clock,
    store: app.get<EventStore>(EVENT_STORE),
    runner: app.get(ProjectionRunner),
    token: (claims: Partial<TokenClaims> = {}) => mintDevToken(config, { ...businessManager, ...claims }),
    async close() {
      await app.close();
      await ledger.stop();
      removeDataDir();
    },
  };
}

/**
 * A suite over the demo data loaded through the API and applied by the read models: registers
 * beforeAll/afterAll; `get` reads as an auditor and insists on 200, giving the body.
 */
export function demoReadSuite() {
  let t: ProjectionsTestApp;
  let auditor: string;
  beforeAll(async () => {
    t = await startProjectionsApp({});
    await loadDemo(t.app);
    await t.runner.waitFor(Math.max(...(await t.store.readAll()).map((e) => e.position)));
    auditor = await t.token({ userId: 'inspector-audit', role: 'auditor', agency: 'ofsted' });
  });
  afterAll(() => t.close());
  const get = async (url: string) => {
    const res = await send(t, url, undefined, { method: 'GET', token: auditor });
    expect(res.status).toBe(200);
    return res.body;
  };
  return { get };
}
