import {
  BadRequestException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { problem } from '../../http/problem';
import { ProjectionRunner } from '../projection-runner';

/** The request header a client sends back with the `position` a command answered it. */
export const CONSISTENCY_POSITION_HEADER = 'consistency-position';
const POSITION = /^\d{1,20}$/;

/**
 * Read-your-writes through any instance: a read that carries the position of a write waits until
 * this instance's read models have applied it (each instance follows the log on its own), at most
 * READ_CONSISTENCY_WAIT_MS; past that it answers 503 with Retry-After rather than an answer that
 * lacks the caller's own write. The position is compared, never computed with.
 *
 * A global guard after AuthGuard (app.module.ts), so it waits only for a caller who may read, and
 * before the route's steps and pipes, as the interceptor it was ran; a guard, because any Nest
 * interceptor costs every read a chain of rxjs links (src/http/route-steps.ts).
 */
@Injectable()
export class ReadYourWritesGuard implements CanActivate {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): true | Promise<true> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = req.method === 'GET' ? req.headers[CONSISTENCY_POSITION_HEADER] : undefined;
    if (raw === undefined) return true;
    if (typeof raw !== 'string' || !POSITION.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw new BadRequestException(
        problem(400, 'invalid-consistency-position', 'Consistency-Position must be a position a command answered', {
          errors: [
            { field: 'Consistency-Position', messages: ['must be a whole number a command returned as position'] },
          ],
        }),
      );
    }
    return this.caughtUp(Number(raw), this.config.readConsistencyWaitMs, context);
  }

  private async caughtUp(position: number, waitMs: number, context: ExecutionContext): Promise<true> {
    try {
      await this.runner.waitFor(position, waitMs);
      return true;
    } catch (err) {
      context.switchToHttp().getResponse<FastifyReply>().header('retry-after', '1');
      throw new ServiceUnavailableException(
        problem(503, 'read-model-behind', `This instance has not yet applied position ${position}: retry shortly`, {
          detail: (err as Error).message,
        }),
      );
    }
  }
}
