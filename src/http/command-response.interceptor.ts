import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { from, mergeMap, of, tap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { idempotencyKeyOf, requestFingerprint } from './command-context.decorator';
import { IDEMPOTENCY_STORE, type IdempotencyStore, type StoredResponse } from './idempotency/idempotency.store';
import { problem } from './problem';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * For writes: sets the ETag to the stream's new revision, and keeps the first successful
 * response per (user, Idempotency-Key) so a retry gets it back and writes nothing twice.
 * Only successes are kept: a refused request wrote nothing, so retrying it is safe.
 */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!WRITES.has(req.method) || !req.actor) return next.handle();
    const key = idempotencyKeyOf(req);
    // Without a key nothing is looked up or kept: the answer only gets its ETag (no fingerprint to hash).
    if (!key) return next.handle().pipe(tap((body: unknown) => withRevisionTag(reply, body)));
    const scope = req.actor.userId;
    const fingerprint = requestFingerprint(req);
    // The prior answer is looked up before the handler runs, and the new one kept before the
    // response leaves: a retry sent at once to another instance then finds it (shared stores).
    return from(Promise.resolve(this.store.get(scope, key))).pipe(
      mergeMap((prior) => {
        if (prior && prior.fingerprint !== fingerprint) {
          throw new UnprocessableEntityException(
            problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request'),
          );
        }
        if (prior) {
          if (prior.etag) reply.header('etag', prior.etag);
          reply.header('idempotent-replay', 'true').status(prior.status);
          return of(prior.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            const etag = withRevisionTag(reply, body);
            await this.keep(scope, key, { fingerprint, status: reply.statusCode, body, etag });
            return body;
          }),
        );
      }),
    );
  }

  /**
   * The write is already recorded: a store fault keeping its response must not turn the success
   * into an error (a client would retry a write that happened). A retry with the same key is still
   * recorded once, by the event ids derived from the key; it just is not answered from here.
   */
  private async keep(scope: string, key: string, response: StoredResponse): Promise<void> {
    try {
      await this.store.put(scope, key, response);
    } catch (err) {
      this.logger.warn(`Idempotency record not kept for a recorded write: ${(err as Error).message}`);
    }
  }
}

/** The ETag of a write's answer: the stream's new revision, when the answer names one. */
function withRevisionTag(reply: FastifyReply, body: unknown): string | undefined {
  const revision = (body as { revision?: unknown } | undefined)?.revision;
  const etag = typeof revision === 'number' ? `"${revision}"` : undefined;
  if (etag) reply.header('etag', etag);
  return etag;
}
