import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { DataDirLockedError } from '../../src/shared/data-dir-lock';
import { demoData, type DemoData } from '../data';
import type { LoadTally } from './demo-client';
import { httpTransport } from './demo-transport';
import { loadDemo, loadDemoThrough } from './load-demo';

/** Which way the commands went: to the service that owns the data directory, or to an app booted here. */
export type DemoLoadRoute = { kind: 'service'; url: string; pid?: number } | { kind: 'in-process' };

/**
 * `npm run demo:load`, in the README's order or alone. One process owns a data directory: if a
 * service already holds it, the loader sends its commands to that service over HTTP (at the
 * address the service recorded, else HOST:PORT) and opens none of its files; otherwise it takes
 * the lock itself, boots the app in process, loads through it and closes it.
 */
export async function runDemoLoad(
  config: AppConfig,
  data: DemoData = demoData,
): Promise<{ tally: LoadTally; route: DemoLoadRoute }> {
  let app: NestFastifyApplication;
  try {
    app = await createApp(config);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const url = err.owner?.url ?? `http://${config.host}:${config.port}`;
    const tally = await loadDemoThrough(httpTransport(url), config, data);
    return { tally, route: { kind: 'service', url, ...(err.owner ? { pid: err.owner.pid } : {}) } };
  }
  try {
    return { tally: await loadDemo(app, data), route: { kind: 'in-process' } };
  } finally {
    await app.close();
  }
}
