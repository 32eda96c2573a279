import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ApiOkHeaders } from '../../http/ok-response-headers';
import type { FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { ReadModelStore } from '../read-model-store';

/**
 * ETags on reads, declared once per endpoint. The interceptor notes what the tag rests on (a
 * revision or a position) for the request; ConditionalGetHook, once the body is serialised, makes
 * the tag from that and the bytes (read-validators.ts) and answers a matching If-None-Match by 304.
 */
type Source = { kind: 'record' } | { kind: 'read-model'; projection: string } | { kind: 'as-of' };
export type ValidatorBase = { kind: 'record'; revision: number } | { kind: 'position'; position: number | undefined };

const ETAG_SOURCE = 'read-etag:source';

/** Per request (the raw Node request, so nothing outlives it): what the onSend hook makes the tag from. */
export const validatorBases = new WeakMap<object, ValidatorBase>();

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
    case 'record': {
      const revision = (body as { revision?: unknown } | undefined)?.revision;
      return typeof revision === 'number' ? { kind: 'record', revision } : undefined;
    }
    case 'read-model':
      return { kind: 'position', position };
    case 'as-of': {
      const at = (body as { asOf?: { position?: unknown } } | undefined)?.asOf?.position;
      return { kind: 'position', position: typeof at === 'number' ? at : undefined };
    }
  }
}

/** The OpenAPI every read with an ETag shares: If-None-Match, the ETag header on 200, and the 304. */
function ApiETag(tag: string) {
  const etag = { description: tag, schema: { type: 'string' } };
  return applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag you last read: 304 with no body while it is still current',
    }),
    ApiOkHeaders({ ETag: etag }),
    ApiResponse({
      status: 304,
      description: 'Not modified: the ETag you sent is current (no body)',
      headers: { ETag: etag },
    }),
  );
}

const RECORD_TAG =
  'Strong ETag "<revision>.<digest>": the record\'s stream revision (also the document\'s `revision`), good as If-Match on its commands, and a digest of these bytes';
const POSITION_TAG =
  'Strong ETag "p<position>.<digest>": the read model\'s ledger position (opaque) and a digest of these bytes; not an If-Match for commands';

/** One record: the tag rests on the document's `revision` (the same value works as If-Match on its commands). */
export const RecordETag = () =>
  applyDecorators(
    SetMetadata(ETAG_SOURCE, { kind: 'record' } satisfies Source),
    UseInterceptors(ReadETagInterceptor),
    ApiETag(RECORD_TAG),
  );

/** A list or summary of a live read model: the tag rests on the position the read model has applied. */
export const ReadModelETag = (projection: { name: string }) =>
  applyDecorators(
    SetMetadata(ETAG_SOURCE, { kind: 'read-model', projection: projection.name } satisfies Source),
    UseInterceptors(ReadETagInterceptor),
    ApiETag(POSITION_TAG),
  );

/** A list or summary as of a past position: the tag rests on the answer's position (`asOf.position`). */
export const AsOfETag = () =>
  applyDecorators(
    SetMetadata(ETAG_SOURCE, { kind: 'as-of' } satisfies Source),
    UseInterceptors(ReadETagInterceptor),
    ApiETag(POSITION_TAG),
  );
