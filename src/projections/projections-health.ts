import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { ProjectionRunner } from './projection-runner';

/**
 * The /health entry for read models. Being behind is not "down" (a rebuild after a deploy is
 * expected to take a while; `behind` shows how far); a projection that stopped on an error is.
 */
export async function checkProjections(runner: ProjectionRunner, indicator: HealthIndicatorService): Promise<HealthIndicatorResult> {
  const lag = await runner.lag();
  const probe = indicator.check('projections');
  const details = { projections: lag };
  return lag.every((l) => l.state === 'running') ? probe.up(details) : probe.down(details);
}
