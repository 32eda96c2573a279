import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiETag, POSITION_TAG, validatorBases, type ValidatorBase } from '../../http/etag/record-etag';
import type { FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { ReadModelStore } from '../read-model-store';
import { UseRouteInterceptors } from '../../http/route-interceptors';

/**
 * ETags on reads, declared once per endpoint. The interceptor notes what the tag rests on (a
 * revision or a position) for the request; ConditionalGetHook, once the body is serialised, makes
 * the tag from that and the bytes (read-validators.ts) and answers a matching If-None-Match by 304.
 */
type Source = { kind: 'read-model'; projection: string } | { kind: 'as-of' };

const ETAG_SOURCE = 'read-etag:source';

@Injectable()
export class ReadETagInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ReadModelStore) private readonly store: ReadModelStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const source = this.reflector.get<Source | undefined>(ETAG_SOURCE, context.getHandler());
    const raw = context.switchToHttp().getRequest<FastifyRequest>().raw;
    // Read before the handler, so the tag never names a position the body may not show yet (the digest covers the body).
    const position = source?.kind === 'read-model' ? this.store.checkpoint(source.projection)?.position : undefined;
    return next.handle().pipe(
      tap((body) => {
        const base = source && baseOf(source, body, position);
        if (base) validatorBases.set(raw, base);
      }),
    );
  }
}

function baseOf(source: Source, body: unknown, position: number | undefined): ValidatorBase | undefined {
  switch (source.kind) {
    case 'read-model':
      return { kind: 'position', position };
    case 'as-of': {
      const at = (body as { asOf?: { position?: unknown } } | undefined)?.asOf?.position;
      return { kind: 'position', position: typeof at === 'number' ? at : undefined };
    }
  }
}

export { RecordETag } from '../../http/etag/record-etag';

/** A list or summary of a live read model: the tag rests on the position the read model has applied. */
export const ReadModelETag = (projection: { name: string }) =>
  applyDecorators(
    SetMetadata(ETAG_SOURCE, { kind: 'read-model', projection: projection.name } satisfies Source),
    UseRouteInterceptors(ReadETagInterceptor),
    ApiETag(POSITION_TAG),
  );

/** A list or summary as of a past position: the tag rests on the answer's position (`asOf.position`). */
export const AsOfETag = () =>
  applyDecorators(
    SetMetadata(ETAG_SOURCE, { kind: 'as-of' } satisfies Source),
    UseRouteInterceptors(ReadETagInterceptor),
    ApiETag(POSITION_TAG),
  );
