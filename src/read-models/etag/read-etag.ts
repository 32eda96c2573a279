import { applyDecorators } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { ApiETag, POSITION_TAG, validatorBases } from '../../http/etag/record-etag';
import { UseRouteSteps, type RouteStep } from '../../http/route-steps';
import { ReadModelStore } from '../read-model-store';

/**
 * ETags on reads, declared once per endpoint. A route step notes what the tag rests on (a revision
 * or a position) for the request; ConditionalGetHook, once the body is serialised, makes the tag
 * from that and the bytes (read-validators.ts) and answers a matching If-None-Match by 304.
 */

/** The position the read model has applied, read before the handler: the tag never names one the body may not show yet (the digest covers the body). */
const readModelTagStep =
  (projection: string) =>
  (modules: ModuleRef): RouteStep => {
    const store = modules.get(ReadModelStore, { strict: false });
    return {
      before(request) {
        validatorBases.set(request.raw, { kind: 'position', position: store.checkpoint(projection)?.position });
      },
    };
  };

/** The position an as-of answer was worked out at (`asOf.position`), from the answer. */
const asOfTagStep: RouteStep = {
  after(request, _reply, body) {
    const at = (body as { asOf?: { position?: unknown } } | undefined)?.asOf?.position;
    validatorBases.set(request.raw, { kind: 'position', position: typeof at === 'number' ? at : undefined });
  },
};

export { RecordETag } from '../../http/etag/record-etag';

/** A list or summary of a live read model: the tag rests on the position the read model has applied. */
export const ReadModelETag = (projection: { name: string }) =>
  applyDecorators(UseRouteSteps(readModelTagStep(projection.name)), ApiETag(POSITION_TAG));

/** A list or summary as of a past position: the tag rests on the answer's position (`asOf.position`). */
export const AsOfETag = () => applyDecorators(UseRouteSteps(asOfTagStep), ApiETag(POSITION_TAG));
