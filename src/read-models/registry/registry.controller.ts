import { Controller, Get, Headers, MessageEvent, Query, SseSignal, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { PageQueryDto } from '../../http/page-query.dto';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto, type StreamEvents } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { RecordReader, type RegistryDoc } from './record-reader';
import type { RegistryRouteNames, RouteDoc } from './registry-as-of.controller';

/** What one registry's live endpoints differ in beyond the names: its query, stream and 404 code. */
export interface RegistryRoutes<D extends RegistryDoc, Q, QD extends PageQueryDto> extends RegistryRouteNames<D, Q> {
  /** The list's filters and paging, and how they become the model's query. */
  query: { dto: Type<QD>; filters: (q: QD) => Q };
  /** The 404 code a missing record answers. */
  notFound: string;
  stream: { operationId: string; summary: string; events: StreamEvents; documents: StreamSpec<D> };
}

/**
 * The live controller of a registry read model (partners, people, boards, protocols, sign-offs,
 * thematic reviews, multi-agency audits): its register as the projection has applied it (eventually
 * consistent with the ledger), the same RecordReader the as-of endpoints use. The registries differ
 * only in the routes' names and documents, so one class serves them all.
 */
export function registryController<D extends RegistryDoc, Q, QD extends PageQueryDto>(
  r: RegistryRoutes<D, Q, QD>,
): Type<unknown> {
  const operation = ({ operationId, summary }: RouteDoc) => ApiOperation({ operationId, summary });
  const projection = { name: r.model.projection };

  @ApiTags(r.tag)
  @ApiBearerAuth()
  @Controller(r.path)
  class RegistryController {
    constructor(
      private readonly store: ReadModelStore,
      private readonly streams: ProjectionStreams,
    ) {}

    @Get()
    @ReadModelETag(projection)
    @Requires('ledger:read')
    @operation(r.list)
    @CollectionRead(r.list.type, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
    list(@Query() q: QD) {
      return this.reader().list(r.query.filters(q), q.limit ?? 50, q.cursor);
    }

    /** Declared before the record's route so "stream" is never read as an id. */
    @ProjectionStreamEndpoint(r.stream.operationId, r.stream.summary, r.stream.events)
    stream(
      @Headers() headers: Record<string, string | undefined>,
      @Query() query: StreamQueryDto,
      @SseSignal() signal: AbortSignal,
    ): Promise<Observable<MessageEvent>> {
      return this.streams.open(r.stream.documents, { headers, query }, signal);
    }

    @Get(`:${r.idParam}`)
    @RecordETag()
    @Requires('ledger:read')
    @operation(r.get)
    @RecordRead(r.get.type, 'The record', { problems: { 404: r.notFound } })
    get(@RecordId(r.idParam) id: string) {
      return this.reader().get(id);
    }

    @Get(`:${r.idParam}/history`)
    @ReadModelETag(projection)
    @Requires('ledger:read')
    @operation(r.history)
    @RecordRead(r.history.type, 'The record', { problems: { 404: r.notFound } })
    history(@RecordId(r.idParam) id: string) {
      return { [r.idParam]: id, ...this.reader().history(id) };
    }

    private reader() {
      return new RecordReader(r.model, this.store);
    }
  }
  // A generic parameter's type is Object at run time: the validation pipe and the document need the DTO.
  Reflect.defineMetadata('design:paramtypes', [r.query.dto], RegistryController.prototype, 'list');
  Object.defineProperty(RegistryController, 'name', { value: r.name });
  return RegistryController;
}
