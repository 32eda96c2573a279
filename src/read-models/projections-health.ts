import type { PartHealth } from '../health/part-health';
import type { ProjectionLag, ProjectionRunner } from './projection-runner';

/**
 * The /health entry of each read model: its state, checkpoint, lag and last error. Being behind is
 * not "down" (a rebuild after a deploy is expected to take a while; `lag` shows how far); a
 * projection that is not running is. The lag is counted by reading the log under the caller's
 * deadline; when that read fails, the states are still reported, with the lag unknown and why.
 */
export async function projectionsHealth(
  runner: Pick<ProjectionRunner, 'states' | 'lag'>,
  withinDeadline: <T>(work: Promise<T>) => Promise<T>,
): Promise<Record<string, PartHealth>> {
  let lags: Map<string, ProjectionLag> | undefined;
  let lagError: string | undefined;
  try {
    lags = new Map((await withinDeadline(runner.lag())).map((l) => [l.projection, l]));
  } catch (err) {
    lagError = (err as Error).message;
  }
  const out: Record<string, PartHealth> = {};
  for (const p of runner.states()) {
    const lag = lags?.get(p.projection);
    const up = p.state === 'running' || p.state === 'idle';
    out[p.projection] = {
      status: up ? 'up' : 'down',
      ...(up ? {} : { reason: p.error ? `${p.state}: ${p.error}` : p.state }),
      state: p.state,
      version: p.version,
      // Blue-green: this version builds beside the served one, which answers queries until the switch-over.
      ...(p.rebuild ? { rebuild: { inProgress: true, servedVersion: p.rebuild.servedVersion } } : {}),
      checkpoint: p.checkpoint,
      lag: lag ? { behind: lag.behind, behindAtLeast: lag.behindAtLeast, lastLogPosition: lag.lastLogPosition } : null,
      ...(lag?.rebuiltFrom !== undefined ? { rebuiltFrom: lag.rebuiltFrom } : {}),
      ...(lagError ? { lagUnknown: lagError } : {}),
      lastError: p.error ?? null,
      // While retrying: the attempt, when the next one starts, and the error it retries after.
      ...(p.retry ? { retry: p.retry } : {}),
    };
  }
  return out;
}
