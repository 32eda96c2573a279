import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '../../shared/openapi/deferred-swagger';
import { ApiOkHeaders } from '../ok-response-headers';
import { UseRouteSteps, type RouteStep } from '../route-steps';

/**
 * What a read's ETag rests on, noted per request (the raw Node request, so nothing outlives it):
 * the read side's ConditionalGetHook makes the tag from it and the serialised bytes, and answers a
 * matching If-None-Match by 304. Here, below the read side and the ledger, so that any layer's
 * one-record read (a ledger digest too) can declare one.
 */
export type ValidatorBase = { kind: 'record'; revision: number } | { kind: 'position'; position: number | undefined };
export const validatorBases = new WeakMap<object, ValidatorBase>();

export const RECORD_TAG =
  'Strong ETag "<revision>.<digest>": the record\'s stream revision (also the document\'s `revision`), good as If-Match on its commands, and a digest of these bytes';
export const POSITION_TAG =
  'Strong ETag "p<position>.<digest>": the read model\'s ledger position (opaque) and a digest of these bytes; not an If-Match for commands';

/** The OpenAPI every read with an ETag shares: If-None-Match, the ETag header on 200, and the 304. */
export function ApiETag(tag: string) {
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

/** The record's `revision`, from the answer, once the handler has given one. */
const recordTagStep: RouteStep = {
  after(request, _reply, body) {
    const revision = (body as { revision?: unknown } | undefined)?.revision;
    if (typeof revision === 'number') validatorBases.set(request.raw, { kind: 'record', revision });
  },
};

/** One record: the tag rests on the document's `revision` (the same value works as If-Match on its commands). */
export const RecordETag = () => applyDecorators(UseRouteSteps(recordTagStep), ApiETag(RECORD_TAG));
