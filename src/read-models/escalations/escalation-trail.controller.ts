import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UndescribedRead } from '../../http/endpoint-responses';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import type { EscalationTrailDoc } from '../../../projections/escalations/escalation-trail-doc';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import { Requires } from '../../auth/requires.decorator';
import { RecordId } from '../../http/id.pipe';
import { PersonalDataCipher } from '../../privacy';
import { CLOCK, type Clock } from '../../shared/clock';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { assertOrdered, calendarDates } from './escalation-trail-dates';
import {
  EscalationTrailAsOfDto,
  EscalationTrailQueryDto,
  EscalationTrailSummaryQueryDto,
} from './escalation-trail-query.dto';
import { EscalationTrailReader } from './escalation-trail.reader';

const BAD_QUERY =
  'A filter, date or the cursor is invalid (validation-failed, date-outside-calendar, invalid-date-range, invalid-cursor)';

/**
 * The escalation audit trail inspectors ask for: each escalation's timeline, its time at each stage
 * in working days (England and Wales) against the protocol's timescales, and summaries per agency
 * and period. Eventually consistent with the ledger; every measure is read at `asOf`.
 */
@ApiTags('escalation-trail')
@ApiBearerAuth()
@Controller('escalation-trail')
export class EscalationTrailController {
  /**
   * Documents hold personal values sealed; they are revealed here, per response, through the cipher
   * (plaintext to readers with ledger:read, "[erased]" once the subject's key is destroyed).
   */
  constructor(
    private readonly reader: EscalationTrailReader,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Every escalation document, revealed per event as the list is. */
  private readonly escalations: StreamSpec<EscalationTrailDoc> = {
    projection: escalationTrailProjection,
    select: (_key, doc) => ({ type: 'escalation', data: this.cipher.reveal(doc) }),
  };

  @Get()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listEscalationTrail',
    summary:
      'Escalations as at asOf with each stage in working days and any breach; filter by agency, stage, status, breached or raised date; cursor paging',
  })
  @UndescribedRead(
    false,
    { description: '{ asOf, items, nextCursor }: nextCursor is null on the last page' },
    { 400: { description: BAD_QUERY } },
  )
  list(@Query() q: EscalationTrailQueryDto) {
    const { asOf, from, to } = calendarDates({ asOf: q.asOf ?? this.today(), from: q.from, to: q.to });
    assertOrdered(from, to);
    return this.cipher.reveal(
      this.reader.list(
        { asOf: asOf!, agency: q.agency, stage: q.stage, status: q.status, breached: q.breached, from, to },
        q.limit ?? 50,
        q.cursor,
      ),
    );
  }

  /** Declared before :escalationId so "summary" and "stream" are never read as ids. */
  @Get('summary')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'summariseEscalationTrail',
    summary:
      'Per month or quarter: raised, resolved, open and breached, by stage; per agency: raised by it and concerning it',
  })
  @UndescribedRead(
    false,
    { description: '{ asOf, period, from, to, agency, periods, agencies }' },
    { 400: { description: BAD_QUERY } },
  )
  summary(@Query() q: EscalationTrailSummaryQueryDto) {
    const { asOf, from, to } = calendarDates({ asOf: q.asOf ?? this.today(), from: q.from, to: q.to });
    assertOrdered(from, to);
    return this.reader.summary({ kind: q.period ?? 'quarter', asOf: asOf!, from, to, agency: q.agency });
  }

  @ProjectionStreamEndpoint(
    'streamEscalationTrail',
    'Server-Sent Events: each escalation document as it is applied (event "escalation", id = ledger position); measures are read from the list or the timeline',
    '"escalation" events',
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(this.escalations, { headers, query }, signal);
  }

  @Get(':escalationId')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationTrail',
    summary:
      "One escalation's whole timeline (who, business and recorded time, stage, words) and its time at each stage in working days, as at asOf",
  })
  @UndescribedRead(
    true,
    { description: 'The escalation as at asOf, with stages measured and the timeline' },
    {
      404: {
        description: 'escalation-not-found (also when it had not been raised by asOf)',
      },
      400: {
        description: 'invalid-id, validation-failed or date-outside-calendar',
      },
    },
  )
  get(@RecordId('escalationId') escalationId: string, @Query() q: EscalationTrailAsOfDto) {
    const { asOf } = calendarDates({ asOf: q.asOf ?? this.today() });
    return this.cipher.reveal(this.reader.get(escalationId, asOf!));
  }

  /** Today in England: working days are counted on London dates. */
  private today(): string {
    return businessDate(this.clock.now().toISOString());
  }
}
