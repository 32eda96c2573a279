import './startup/heap-settings';
import 'reflect-metadata';
import { startService } from './startup/start-service';

/**
 * Start-up failures are reported by startService (one line each for what an operator can fix, with
 * exit 78); this only turns its answer into the process's exit code. `listening` resolves true once
 * the port is bound: the bundle's launcher (scripts/service-launcher.js) then saves its compile cache.
 */
export const listening: Promise<boolean> = startService(process.env).then((result) => {
  if (result.exitCode !== undefined) process.exit(result.exitCode);
  return true;
});
