import { HANG_GUARD_MS } from './hang-guard';
import type { INestApplicationContext } from '@nestjs/common';
import { ProjectionRunner } from '../../src/read-models/projection-runner';

/**
 * How long a test waits, by default, for the read models to reach a position: a guard against a
 * hang, never a speed check. ProjectionRunner.waitFor's own default (10 s) is a bound a loaded CI
 * machine can meet with a healthy catch-up, e.g. the demo data applied through the protocol fake.
 */
export const RUNNER_HANG_GUARD_MS = HANG_GUARD_MS;

/**
 * Gives the app's runner that default for waitFor: a test's `runner.waitFor(position)` then fails
 * only on a hang. A timeout passed explicitly (as the read-your-writes guard passes its own,
 * and tests about timeouts do) is used as given, so the app behaves as it would in production.
 */
export function guardRunnerWaits(app: INestApplicationContext): void {
  let runner: ProjectionRunner;
  try {
    runner = app.get(ProjectionRunner, { strict: false });
  } catch {
    return; // an app without the read models
  }
  const waitFor = runner.waitFor.bind(runner);
  runner.waitFor = (position: number, timeoutMs = RUNNER_HANG_GUARD_MS) => waitFor(position, timeoutMs);
}
