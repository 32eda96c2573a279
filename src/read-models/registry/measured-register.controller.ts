import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { Page } from '../../http/cursor-page';
import type { PageQueryDto } from '../../http/page-query.dto';
import { CLOCK, type Clock } from '../../shared/clock';
import { asOfBusinessDate, type ReadModelView } from '../as-of/as-of-answer';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfMeasuredOnDto, MeasuredOnDto } from '../case-reviews/case-reviews-query.dto';
import { ReadModelETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto, type StreamEvents } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import type { RouteDoc } from './registry-as-of.controller';

/** A register whose records are measured at a date (deadlines, overdue updates, scores): list, one, history. */
export interface MeasuredReader<Q> {
  list(query: Q, limit: number, cursor?: string): Page<object>;
  get(id: string, measuredOn: string): object;
  history(id: string): object;
}

/** What a measured register's endpoints share, live and as-of: where they live, their reader and query. */
export interface MeasuredRegister<Q, QD extends MeasuredOnDto & PageQueryDto> {
  tag: string;
  /** 'risks' serves risks, risks/:riskId, its /history and /stream, and the same below as-of/. */
  path: string;
  /** The record's id in the path: 'riskId'. */
  idParam: string;
  projection: { name: string };
  reader(store: ReadModelView): MeasuredReader<Q>;
  /** The list's filters and how they become the reader's query, measured at the date given. */
  query: (q: QD, measuredOn: string) => Q;
  /** The measuring date as the register counts it: a check that may refuse it (400), or none. */
  measuredOn?: (date: string) => string;
}

/** The live endpoints' own parts: the query DTO, the documents and the SSE stream measured on the day it is sent. */
export interface MeasuredRegisterRoutes<Q, QD extends MeasuredOnDto & PageQueryDto, D> extends MeasuredRegister<Q, QD> {
  name: string;
  dto: Type<QD>;
  /** The 400 of the list and the record, as documented. */
  badQuery: string;
  /** The 404 code of a missing record. */
  notFound: string;
  list: RouteDoc;
  stream: { operationId: string; summary: string; events: StreamEvents; documents(today: () => string): StreamSpec<D> };
  get: RouteDoc;
  history: RouteDoc;
}

/** The as-of endpoints' own parts: the query DTO and the documents. */
export interface MeasuredRegisterAsOfRoutes<
  Q,
  QD extends MeasuredOnDto & PageQueryDto & AsOfQueryDto,
> extends MeasuredRegister<Q, QD> {
  name: string;
  dto: Type<QD>;
  /** The 404 a missing record answers, as documented. */
  notFound: string;
  list: RouteDoc;
  get: RouteDoc;
  history: RouteDoc;
}

const operation = ({ operationId, summary }: RouteDoc) => ApiOperation({ operationId, summary });

/** Today in England: the registers count London dates. */
const today = (clock: Clock) => () => businessDate(clock.now().toISOString());

/** Nest names the class after the register, and reads the DTO of a generic parameter from here. */
function finish(controller: Type<unknown>, name: string, listQuery: Type<unknown>): Type<unknown> {
  // A generic parameter's type is Object at run time: the validation pipe and the document need the DTO.
  Reflect.defineMetadata('design:paramtypes', [listQuery], controller.prototype as object, 'list');
  Object.defineProperty(controller, 'name', { value: name });
  return controller;
}

/**
 * The live controller of a measured register (case reviews, inspections, risks): each record measured
 * at measuredOn (default: today, from the injected clock), eventually consistent with the ledger. The
 * registers differ only in their reader, query and documents, so one class serves them all.
 */
export function measuredRegisterController<Q, QD extends MeasuredOnDto & PageQueryDto, D>(
  r: MeasuredRegisterRoutes<Q, QD, D>,
): Type<unknown> {
  const check = r.measuredOn ?? ((date: string) => date);

  @ApiTags(r.tag)
  @ApiBearerAuth()
  @Controller(r.path)
  class MeasuredRegisterController {
    private readonly today: () => string;

    constructor(
      private readonly store: ReadModelStore,
      private readonly streams: ProjectionStreams,
      @Inject(CLOCK) clock: Clock,
    ) {
      this.today = today(clock);
    }

    @Get()
    @ReadModelETag(r.projection)
    @Requires('ledger:read')
    @operation(r.list)
    @CollectionRead(r.list.type, 'The page', { problems: { 400: r.badQuery } })
    list(@Query() q: QD) {
      return r.reader(this.store).list(r.query(q, this.measuredOn(q)), q.limit ?? 50, q.cursor);
    }

    /** Declared before the record's route so "stream" is never read as an id. */
    @ProjectionStreamEndpoint(r.stream.operationId, r.stream.summary, r.stream.events)
    stream(
      @Headers() headers: Record<string, string | undefined>,
      @Query() query: StreamQueryDto,
      @SseSignal() signal: AbortSignal,
    ): Promise<Observable<MessageEvent>> {
      return this.streams.open(r.stream.documents(this.today), { headers, query }, signal);
    }

    @Get(`:${r.idParam}`)
    @ReadModelETag(r.projection)
    @Requires('ledger:read')
    @operation(r.get)
    @RecordRead(r.get.type, 'The record', { problems: { 404: r.notFound, 400: r.badQuery } })
    get(@RecordId(r.idParam) id: string, @Query() q: MeasuredOnDto) {
      return r.reader(this.store).get(id, this.measuredOn(q));
    }

    @Get(`:${r.idParam}/history`)
    @ReadModelETag(r.projection)
    @Requires('ledger:read')
    @operation(r.history)
    @RecordRead(r.history.type, 'The record', { problems: { 404: r.notFound } })
    history(@RecordId(r.idParam) id: string) {
      return r.reader(this.store).history(id);
    }

    private measuredOn(q: MeasuredOnDto): string {
      return check(q.measuredOn ?? this.today());
    }
  }
  return finish(MeasuredRegisterController, r.name, r.dto);
}

/**
 * The as-of controller of a measured register: what had been recorded by a past position or date,
 * measured at measuredOn or, by default, at that point's own date (a position: the day it was
 * recorded), so deadlines and "overdue" are as they stood that day.
 */
export function measuredRegisterAsOfController<Q, QD extends MeasuredOnDto & PageQueryDto & AsOfQueryDto>(
  r: MeasuredRegisterAsOfRoutes<Q, QD>,
): Type<unknown> {
  const check = r.measuredOn ?? ((date: string) => date);
  const name = r.projection.name;

  @ApiTags(r.tag)
  @ApiBearerAuth()
  @Controller(`as-of/${r.path}`)
  class MeasuredRegisterAsOfController {
    private readonly today: () => string;

    constructor(
      private readonly engine: AsOfEngine,
      @Inject(CLOCK) clock: Clock,
    ) {
      this.today = today(clock);
    }

    @Get()
    @AsOfRead()
    @operation(r.list)
    @CollectionRead(r.list.type, 'The page', {
      problems: { 400: 'knownAt, validAt, measuredOn, a filter or the cursor is invalid' },
    })
    list(@Query() q: QD) {
      return asOfPage(this.engine, name, q, (view, answer) =>
        r
          .reader(view)
          .list(r.query(q, check(q.measuredOn ?? asOfBusinessDate(answer, this.today))), q.limit ?? 50, q.cursor),
      );
    }

    @Get(`:${r.idParam}`)
    @AsOfRead()
    @operation(r.get)
    @RecordRead(r.get.type, 'The record', {
      problems: { 404: r.notFound, 400: 'knownAt, validAt or measuredOn is invalid' },
    })
    get(@RecordId(r.idParam) id: string, @Query() q: AsOfMeasuredOnDto) {
      return asOfRecord(this.engine, name, q, (view, answer) =>
        r.reader(view).get(id, check(q.measuredOn ?? asOfBusinessDate(answer, this.today))),
      );
    }

    @Get(`:${r.idParam}/history`)
    @AsOfRead()
    @operation(r.history)
    @RecordRead(r.history.type, 'The record', { problems: { 404: r.notFound } })
    history(@RecordId(r.idParam) id: string, @Query() q: AsOfQueryDto) {
      return asOfRecord(this.engine, name, q, (view) => r.reader(view).history(id));
    }
  }
  return finish(MeasuredRegisterAsOfController, r.name, r.dto);
}
