import type { LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig, LogLevel } from './config/app-config';
import type { Clock } from './shared/clock';
import { AppModule } from './app.module';
import { frameworkErrors } from './http/framework-errors';
import { useBoundedJsonParser } from './http/json-body';
import { validationPipe } from './http/validation';
import { setupOpenApi } from './openapi';
import { DataDirLock } from './shared/data-dir-lock';

/** Builds the app exactly as production runs it; tests call this too, with a test config and clock. */
export interface AppOptions {
  /** Where request logs go (stdout by default); tests capture them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
}

/**
 * One process owns a data directory (src/shared/data-dir-lock.ts): the lock is taken before
 * anything opens a file there, and a second process is refused with DataDirLockedError (main.ts
 * exits 78). The in-memory store keeps its ledger and read models in the process: no lock.
 */
export async function createApp(
  config: AppConfig,
  clock?: Clock,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const lock = config.store === 'memory' ? undefined : DataDirLock.acquire(config.dataDir);
  try {
    const app = await buildApp(config, clock, options);
    if (lock) holdUntilClosed(app, lock);
    return app;
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * Released once every store has closed: after app.close() has run all of Nest's shutdown hooks (a
 * process that dies loses the lock anyway). Nest hands out a Proxy whose `set` ignores assignments,
 * so the wrapper is defined on the application itself, around the prototype's close.
 */
function holdUntilClosed(app: NestFastifyApplication, lock: DataDirLock): void {
  const server = app.getHttpServer();
  server.on('listening', () => lock.noteListening(server.address()));
  // Nest's typings declare close(), but its implementation takes the shutdown signal: pass it through.
  const prototype = Object.getPrototypeOf(app) as {
    close(this: NestFastifyApplication, ...args: unknown[]): Promise<void>;
  };
  Object.defineProperty(app, 'close', {
    configurable: true,
    value: async function closeThenRelease(this: NestFastifyApplication, ...args: unknown[]) {
      try {
        return await prototype.close.apply(this, args);
      } finally {
        lock.release();
      }
    },
  });
}

/**
 * Nest's own logger follows LOG_LEVEL as the request logger does: at `warn` and quieter, none of the
 * ~440 start-up lines (a module initialised, a route mapped) that `info` prints, each formatted and
 * written to stdout before the service listens.
 */
const NEST_LEVELS: readonly NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const LEVELS_SHOWN: Record<Exclude<LogLevel, 'silent'>, number> = {
  fatal: 1,
  error: 2,
  warn: 3,
  info: 4,
  debug: 5,
  trace: 6,
};
export function nestLogLevels(level: LogLevel): NestLogLevel[] | false {
  return level === 'silent' ? false : NEST_LEVELS.slice(0, LEVELS_SHOWN[level]);
}

async function buildApp(
  config: AppConfig,
  clock: Clock | undefined,
  options: AppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors,
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Tokens never reach the logs.
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
              censor: '[redacted]',
            },
          },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: nestLogLevels(config.logLevel),
    // A provider that cannot be built (e.g. a bad key file) rejects here instead of Nest calling
    // process.exit(1): start-up then reports it to the operator (src/startup/start-service.ts).
    abortOnError: false,
  });
  useBoundedJsonParser(app, config.bodyLimitBytes);
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
