import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../bootstrap';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { DataDirLockedError } from '../shared/data-dir-lock';
import { assertDataDirWritable, DataDirUnwritableError } from './data-dir';
import { listenFailure, PortUnavailableError } from './port';
import { StartupLogger } from './startup-logger';

/** EX_CONFIG (sysexits.h): the operator must change something before a restart can help. */
export const EXIT_CONFIG = 78;

type Refusal = readonly [new (...args: never[]) => Error, (err: never) => string[]];

/**
 * Start-up failures an operator can act on, each reported in its own lines (no stack trace) with exit
 * 78. One line per kind of failure: anything not listed is a fault, printed with its stack (exit 1).
 */
const REFUSALS: readonly Refusal[] = [
  [ConfigError, (err: ConfigError) => err.lines],
  [DataDirUnwritableError, (err: DataDirUnwritableError) => [err.message]],
  [PortUnavailableError, (err: PortUnavailableError) => [err.message]],
  [DataDirLockedError, (err: DataDirLockedError) => [err.message]],
];

export type StartResult =
  { exitCode: undefined; app: NestFastifyApplication; config: AppConfig } | { exitCode: number; lines: string[] };

/** Where start-up reports go: the console in production, a list in tests. */
export interface StartupOutput {
  log(line: string): void;
  error(line: string): void;
}

/** What the operator is told about an error that stopped the start, and the exit code. */
export function refusalOf(err: unknown): { exitCode: number; lines: string[] } {
  for (const [kind, lines] of REFUSALS)
    if (err instanceof kind) return { exitCode: EXIT_CONFIG, lines: (lines as (e: unknown) => string[])(err) };
  return { exitCode: 1, lines: [err instanceof Error ? (err.stack ?? err.message) : String(err)] };
}

/**
 * Validates the configuration (every bad variable at once), proves the data directory writable,
 * builds the app and binds the port; says "listening" only once it does. Never exits the process:
 * main.ts does, with the code returned.
 */
export async function startService(
  env: Record<string, string | undefined>,
  out: StartupOutput = console,
): Promise<StartResult> {
  const logger = new StartupLogger();
  Logger.overrideLogger(logger);
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig(env);
    assertDataDirWritable(config.dataDir);
    app = await createApp(config);
    await app.listen({ port: config.port, host: config.host }).catch((err: unknown) => {
      throw listenFailure(err, config.host, config.port);
    });
    logger.started();
    const bound = app.getHttpServer().address(); // PORT=0 binds a free port: name the one bound
    const port = typeof bound === 'object' && bound ? bound.port : config.port;
    out.log(
      `Safeguarding ledger listening on http://${config.host}:${port} (store: ${config.store}, data: ${config.dataDir}); docs at /docs`,
    );
    return { exitCode: undefined, app, config };
  } catch (err) {
    // Release what was opened (files, timers, connections) before the caller exits.
    await app?.close().catch(() => undefined);
    const refusal = refusalOf(err);
    for (const line of refusal.lines) out.error(line);
    return refusal;
  }
}
