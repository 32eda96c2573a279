import { AsOfQueryDto, bitemporal } from '../as-of/as-of-query.dto';
import { AsOfRead } from '../as-of/as-of-read';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { businessDate } from '../../../projections/calendar/business-date';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import { RecordETag } from '../etag/read-etag';
import { Viewer } from '../../auth/viewer.decorator';
import type { Actor } from '../../ledger/event-envelope';
import { RecordId } from '../../http/id.pipe';
import { PersonalDataCipher } from '../../privacy';
import { CLOCK, type Clock } from '../../shared/clock';
import { assertOrdered, calendarDates } from './escalation-trail-dates';
import { EscalationTrailReader } from './escalation-trail.reader';
import { PERSONAL_VALUES, TrailDisclosure } from './trail-disclosure';
import {
  EscalationTrailDetailAsOfSchema,
  EscalationTrailPageAsOfSchema,
  EscalationTrailSummaryAsOfSchema,
} from './escalation-trail.responses';
import type { ReadModelStore } from '../read-model-store';
import { asOfBusinessDate, provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import {
  AsOfEscalationTrailListQueryDto,
  AsOfEscalationTrailQueryDto,
  AsOfEscalationTrailSummaryQueryDto,
} from './escalation-trail-as-of.dto';

const BAD_QUERY =
  'knownAt, validAt, a filter, a date or the cursor is invalid (validation-failed, date-outside-calendar, invalid-date-range, invalid-cursor)';

/**
 * The escalation trail as it was known at a past point of the log (knownAt) and business date
 * (validAt): only escalations and steps recorded by knownAt and, with validAt, happened by then,
 * measured in working days at validAt's date, else knownAt's (`measuredOn`). The same reader and
 * pure measures as GET /escalation-trail run over an as-of view. Personal values are shown per
 * response and caller as on the live trail: an erased subject stays erased in the past too.
 */
@ApiTags('escalation-trail')
@ApiBearerAuth()
@Controller('as-of/escalation-trail')
export class EscalationTrailAsOfController {
  private readonly disclosure: TrailDisclosure;

  constructor(
    private readonly engine: AsOfEngine,
    @Inject(CLOCK) private readonly clock: Clock,
    cipher: PersonalDataCipher,
  ) {
    this.disclosure = new TrailDisclosure(cipher, escalationTrailProjection.name);
  }

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listEscalationTrailAsOf',
    summary:
      'Escalations as known at knownAt and true at validAt (audit replay), measured at that date; same filters and paging as listEscalationTrail',
  })
  @CollectionRead(
    EscalationTrailPageAsOfSchema,
    `A page of escalations as known then, measured on measuredOn, with asOf provenance. ${PERSONAL_VALUES}`,
    { problems: { 400: BAD_QUERY } },
  )
  async list(
    @Query() q: AsOfEscalationTrailListQueryDto,
    @Viewer() viewer: Actor,
  ): Promise<EscalationTrailPageAsOfSchema> {
    const answer = await this.answer(q);
    const { asOf, from, to } = calendarDates({ asOf: this.measuredOn(answer), from: q.from, to: q.to });
    assertOrdered(from, to);
    const { asOf: measuredOn, ...page } = reader(answer).list(
      { asOf: asOf!, agency: q.agency, stage: q.stage, status: q.status, breached: q.breached, from, to },
      q.limit ?? 50,
      q.cursor,
    );
    return {
      asOf: provenance(answer),
      measuredOn,
      ...page,
      items: await this.disclosure.showEach(viewer, page.items, viewOf(answer)),
    };
  }

  /** Declared before :escalationId so "summary" is never read as an id. */
  @Get('summary')
  @AsOfRead()
  @ApiOperation({
    operationId: 'summariseEscalationTrailAsOf',
    summary: 'Per month or quarter and per agency, as known at knownAt and true at validAt and measured at that date',
  })
  @CollectionRead(EscalationTrailSummaryAsOfSchema, 'Counts per period and per agency as known then', {
    problems: { 400: BAD_QUERY },
  })
  async summary(@Query() q: AsOfEscalationTrailSummaryQueryDto): Promise<EscalationTrailSummaryAsOfSchema> {
    const answer = await this.answer(q);
    const { asOf, from, to } = calendarDates({ asOf: this.measuredOn(answer), from: q.from, to: q.to });
    assertOrdered(from, to);
    const { asOf: measuredOn, ...summary } = reader(answer).summary({
      kind: q.period ?? 'quarter',
      asOf: asOf!,
      from,
      to,
      agency: q.agency,
    });
    return { asOf: provenance(answer), measuredOn, ...summary };
  }

  @Get(':escalationId')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getEscalationTrailAsOf',
    summary: "One escalation's timeline and working days per stage as known at knownAt and true at validAt",
  })
  @RecordRead(
    EscalationTrailDetailAsOfSchema,
    `The escalation then, measured on measuredOn, with asOf provenance. ${PERSONAL_VALUES}`,
    {
      problems: {
        404: 'escalation-not-found: no such escalation had been raised (and recorded) by then',
        400: 'invalid-id, validation-failed or date-outside-calendar',
      },
    },
  )
  async get(
    @RecordId('escalationId') escalationId: string,
    @Query() q: AsOfEscalationTrailQueryDto,
    @Viewer() viewer: Actor,
  ): Promise<EscalationTrailDetailAsOfSchema> {
    const answer = await this.answer(q);
    const { asOf } = calendarDates({ asOf: this.measuredOn(answer) });
    const { asOf: measuredOn, ...view } = reader(answer).get(escalationId, asOf!);
    return { ...(await this.disclosure.show(viewer, view, viewOf(answer))), measuredOn, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(escalationTrailProjection.name, bitemporal(q));
  }

  /** validAt's date, else knownAt's; a position past the end of the log is the trail as known now: measured today in England. */
  private measuredOn(answer: AsOfAnswer): string {
    return asOfBusinessDate(answer, () => businessDate(this.clock.now().toISOString()));
  }
}

/** The reader is typed on ReadModelStore but only calls get and scan, which the as-of view answers alike. */
const reader = (a: AsOfAnswer) => new EscalationTrailReader(viewOf(a) as ReadModelStore);
