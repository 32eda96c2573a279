import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { RecordETag } from '../etag/read-etag';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { ActionLogReader } from './action-log.reader';
import { actionLogFilters } from './action-log-query.dto';
import { ActionLogDetailAsOfSchema, ActionLogItemSchema } from './action-log.responses';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { appliedBy, asOfBusinessDate, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfActionLogQueryDto, AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';

const NAME = actionLogProjection.name;

/**
 * The action log as the register showed it at a past point of the log (knownAt) and business date (validAt), for auditors. The same
 * reader and pure queries as GET /action-log run over an as-of view instead of the live store.
 */
@ApiTags('action-log')
@ApiBearerAuth()
@Controller('as-of/action-log')
export class ActionLogAsOfController {
  constructor(
    private readonly engine: AsOfEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listActionLogAsOf',
    summary:
      'The action log as known at knownAt (recording time) and true at validAt (business time) (audit replay); same filters and paging as listActionLog',
  })
  @ListRead(
    ActionLogItemSchema,
    'A page of the action log then, with asOf provenance; a bad knownAt or validAt, filter or cursor is a 400',
    {
      asOf: AsOfProvenanceSchema,
    },
  )
  list(@Query() q: AsOfActionLogQueryDto): Promise<Page<ActionLogItemSchema> & { asOf: AsOfProvenanceSchema }> {
    return asOfPage(this.engine, NAME, q, (_view, answer) =>
      this.reader(answer).list(actionLogFilters(q, this.overdueDate(answer)), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':actionId')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getActionLogEntryAsOf',
    summary: 'One action and its history as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(ActionLogDetailAsOfSchema, 'The action document then, with asOf provenance', {
    problems: { 404: 'action-not-found: no such action had been raised by then' },
  })
  get(@RecordId('actionId') actionId: string, @Query() q: AsOfQueryDto): Promise<ActionLogDetailAsOfSchema> {
    return asOfRecord(this.engine, NAME, q, (_view, answer) =>
      this.reader(answer).get(actionId, this.overdueDate(answer)),
    );
  }

  /** Overdue then: validAt, else knownAt's date, or the day a position was recorded (today past the end of the log). */
  private overdueDate(a: AsOfAnswer): string {
    return asOfBusinessDate(a, () => this.clock.now().toISOString().slice(0, 10));
  }

  /** The same reader as GET /action-log over the as-of view; the history holds the events the answer applied. */
  private reader(a: AsOfAnswer): ActionLogReader {
    return new ActionLogReader(viewOf(a), {
      events: this.events,
      upTo: () => a.resolution.position,
      applied: appliedBy(a),
    });
  }
}
