import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config';
import type { Clock } from './shared/clock';
import { AppModule } from './app.module';
import { validationPipe } from './http/validation';
import { setupOpenApi } from './openapi';

/** Builds the app exactly as production runs it; tests call this too, with a test config and clock. */
export interface AppOptions {
  /** Where request logs go (stdout by default); tests capture them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
}

export async function createApp(config: AppConfig, clock?: Clock, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    logger: config.logLevel === 'silent' ? false : {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Tokens never reach the logs.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn', 'log'],
    // A provider that cannot be built (e.g. a bad key file) rejects here instead of Nest calling
    // process.exit(1): start-up then reports it to the operator (src/startup/start-service.ts).
    abortOnError: false,
  });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
