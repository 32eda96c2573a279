import {
  BadRequestException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
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
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = req.method === 'GET' ? req.headers[CONSISTENCY_POSITION_HEADER] : undefined;
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !POSITION.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw new BadRequestException(
        problem(400, 'invalid-consistency-position', 'Consistency-Position must be a position a command answered', {
          errors: [
            { field: 'Consistency-Position', messages: ['must be a whole number a command returned as position'] },
          ],
        }),
      );
    }
    const waitMs = this.config.readConsistencyWaitMs;
    return from(this.caughtUp(Number(raw), waitMs, context)).pipe(mergeMap(() => next.handle()));
  }

  private async caughtUp(position: number, waitMs: number, context: ExecutionContext): Promise<void> {
    try {
      await this.runner.waitFor(position, waitMs);
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
