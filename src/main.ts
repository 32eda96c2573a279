import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { DataDirLockedError } from './shared/data-dir-lock';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG: refuse to start on bad configuration
    }
    throw err;
  }
  const app = await createApp(config).catch((err: unknown) => {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG: another process owns the data directory
    }
    throw err;
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`Safeguarding ledger listening on http://${config.host}:${config.port} (store: ${config.store}, data: ${config.dataDir}); docs at /docs`);
}

void main();
