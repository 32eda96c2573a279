import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import {
  isErasedSubject,
  type EscalationTrailDoc,
  type EscalationTrailDocument,
} from '../../../projections/escalations/escalation-trail-doc';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { Viewer } from '../../auth/viewer.decorator';
import type { Actor } from '../../ledger/event-envelope';
import { RecordId } from '../../http/id.pipe';
import { PersonalDataCipher } from '../../privacy';
import { CLOCK, type Clock } from '../../shared/clock';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreams, type StreamedEvent, type StreamSpec } from '../sse/projection-streams';
import { assertOrdered, calendarDates } from './escalation-trail-dates';
import {
  EscalationTrailAsOfDto,
  EscalationTrailQueryDto,
  EscalationTrailSummaryQueryDto,
  MEASURED_ON_RENAMED,
} from './escalation-trail-query.dto';
import { RenamedQueryParameter } from '../../http/deprecation';
import { EscalationTrailReader } from './escalation-trail.reader';
import { PERSONAL_VALUES, TrailDisclosure } from './trail-disclosure';
import {
  EscalationTrailDetailSchema,
  EscalationTrailDocumentSchema,
  EscalationTrailPageSchema,
  EscalationTrailSummarySchema,
} from './escalation-trail.responses';

const BAD_QUERY =
  'A filter, date or the cursor is invalid (validation-failed, date-outside-calendar, invalid-date-range, invalid-cursor)';

/**
 * The escalation audit trail inspectors ask for: each escalation's timeline, its time at each stage
 * in working days (England and Wales) against the protocol's timescales, and summaries per agency
 * and period. Eventually consistent with the ledger; every measure is read at `measuredOn`.
 */
@ApiTags('escalation-trail')
@ApiBearerAuth()
@Controller('escalation-trail')
export class EscalationTrailController {
  /**
   * Documents hold personal values sealed; they are shown here, per response and per escalation,
   * as the caller may see them (TrailDisclosure): in clear (or "[erased]") to the parties, the
   * secretariat and the DPO, as the withheld marker to everyone else.
   */
  private readonly disclosure: TrailDisclosure;

  constructor(
    private readonly reader: EscalationTrailReader,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
    cipher: PersonalDataCipher,
    private readonly store: ReadModelStore,
  ) {
    this.disclosure = new TrailDisclosure(cipher, escalationTrailProjection.name);
  }

  /**
   * Every escalation document as this viewer may see it; an erased subject's document re-sends
   * every escalation naming them (now "[erased]"), so a client that showed the name replaces it.
   */
  private escalationsFor(viewer: Actor): StreamSpec<EscalationTrailDocument> {
    const event = async (doc: EscalationTrailDoc): Promise<StreamedEvent> => ({
      type: 'escalation',
      data: await this.disclosure.show(viewer, doc, this.store),
    });
    return {
      projection: escalationTrailProjection,
      select: (_key, doc) =>
        isErasedSubject(doc) ? Promise.all(this.reader.naming(doc.subjectId).map(event)) : event(doc),
    };
  }

  @Get()
  @ReadModelETag(escalationTrailProjection)
  @Requires('ledger:read')
  @RenamedQueryParameter(MEASURED_ON_RENAMED)
  @ApiOperation({
    operationId: 'listEscalationTrail',
    summary:
      'Escalations as at measuredOn with each stage in working days and any breach; filter by agency, stage, status, breached or raised date; cursor paging',
  })
  @CollectionRead(
    EscalationTrailPageSchema,
    `A page of escalations measured on asOf; nextCursor is null on the last page. ${PERSONAL_VALUES}`,
    { problems: { 400: BAD_QUERY } },
  )
  async list(@Query() q: EscalationTrailQueryDto, @Viewer() viewer: Actor): Promise<EscalationTrailPageSchema> {
    const { measuredOn, from, to } = this.dates(q);
    const page = this.reader.list(
      { asOf: measuredOn, agency: q.agency, stage: q.stage, status: q.status, breached: q.breached, from, to },
      q.limit ?? 50,
      q.cursor,
    );
    return { ...page, items: await this.disclosure.showEach(viewer, page.items, this.store) };
  }

  /** Declared before :escalationId so "summary" and "stream" are never read as ids. */
  @Get('summary')
  @ReadModelETag(escalationTrailProjection)
  @Requires('ledger:read')
  @RenamedQueryParameter(MEASURED_ON_RENAMED)
  @ApiOperation({
    operationId: 'summariseEscalationTrail',
    summary:
      'Per month or quarter: raised, resolved, open and breached, by stage; per agency: raised by it and concerning it',
  })
  @CollectionRead(EscalationTrailSummarySchema, 'Counts per period and per agency, measured on asOf', {
    problems: { 400: BAD_QUERY },
  })
  summary(@Query() q: EscalationTrailSummaryQueryDto): EscalationTrailSummarySchema {
    const { measuredOn, from, to } = this.dates(q);
    return this.reader.summary({ kind: q.period ?? 'quarter', asOf: measuredOn, from, to, agency: q.agency });
  }

  @ProjectionStreamEndpoint(
    'streamEscalationTrail',
    'Server-Sent Events: each escalation document as it is applied (event "escalation", id = ledger position), personal values as the list shows them to the caller; an erasure or rectification re-sends every escalation it changes; measures are read from the list or the timeline',
    { escalation: EscalationTrailDocumentSchema },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
    @Viewer() viewer: Actor,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(this.escalationsFor(viewer), { headers, query }, signal);
  }

  @Get(':escalationId')
  @RecordETag()
  @Requires('ledger:read')
  @RenamedQueryParameter(MEASURED_ON_RENAMED)
  @ApiOperation({
    operationId: 'getEscalationTrail',
    summary:
      "One escalation's whole timeline (who, business and recorded time, stage, words) and its time at each stage in working days, as at measuredOn",
  })
  @RecordRead(
    EscalationTrailDetailSchema,
    `The escalation as at measuredOn, with stages measured and the timeline. ${PERSONAL_VALUES}`,
    {
      problems: {
        404: 'escalation-not-found (also when it had not been raised by measuredOn)',
        400: 'invalid-id, validation-failed or date-outside-calendar',
      },
    },
  )
  get(
    @RecordId('escalationId') escalationId: string,
    @Query() q: EscalationTrailAsOfDto,
    @Viewer() viewer: Actor,
  ): Promise<EscalationTrailDetailSchema> {
    return this.disclosure.show(viewer, this.reader.get(escalationId, this.dates(q).measuredOn), this.store);
  }

  /**
   * The dates as the calendar counts them, each refused under the name it was given; the measuring
   * date under its name or the deprecated one (RenamedQueryParameter refused two different dates).
   */
  private dates(q: EscalationTrailAsOfDto & { from?: string; to?: string }) {
    const given = q.measuredOn ?? q.asOf;
    const d = calendarDates({
      measuredOn: given === undefined ? this.today() : q.measuredOn,
      asOf: q.asOf,
      from: q.from,
      to: q.to,
    });
    assertOrdered(d.from, d.to);
    return { measuredOn: (d.measuredOn ?? d.asOf)!, from: d.from, to: d.to };
  }

  /** Today in England: working days are counted on London dates. */
  private today(): string {
    return businessDate(this.clock.now().toISOString());
  }
}
