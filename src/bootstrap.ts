import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config';
import type { Clock } from './shared/clock';
import { AppModule } from './app.module';
import { frameworkErrors } from './http/framework-errors';
import { useBoundedJsonParser } from './http/json-body';
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
    frameworkErrors,
    logger: config.logLevel === 'silent' ? false : {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Tokens never reach the logs.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn', 'log'],
  });
  useBoundedJsonParser(app, config.bodyLimitBytes);
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
