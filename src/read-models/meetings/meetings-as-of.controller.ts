import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import { AsOfETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { MeetingAsOfResponse, MeetingHistoryAsOfResponse, MeetingPageAsOfResponse } from './meeting-responses.dto';
import { AsOfMeetingsQueryDto } from './meetings-query.dto';
import { MeetingsReader } from './meetings.reader';

const NOT_FOUND = 'meeting-not-found: no such meeting had been scheduled by then';

/**
 * Meetings as the ledger held them at a past point of the log (knownAt) and business date (validAt): attendance before a later
 * correction, minutes not yet approved. The same reader as GET /meetings over an as-of view.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('as-of/meetings')
export class MeetingsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listMeetingsAsOf',
    summary:
      'Meetings as known at knownAt (recording time) and true at validAt (business time) (audit replay); same filters and paging as listMeetings',
  })
  @CollectionRead(MeetingPageAsOfResponse, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfMeetingsQueryDto): Promise<MeetingPageAsOfResponse> {
    const answer = await this.answer(q);
    const page = this.reader(answer).list({ boardId: q.board, from: q.from, to: q.to }, q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':meetingId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMeetingAsOf',
    summary: 'One meeting as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(MeetingAsOfResponse, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('meetingId') meetingId: string, @Query() q: AsOfQueryDto): Promise<MeetingAsOfResponse> {
    const answer = await this.answer(q);
    return { ...this.reader(answer).get(meetingId), asOf: provenance(answer) };
  }

  @Get(':meetingId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMeetingHistoryAsOf',
    summary: "The meeting's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(MeetingHistoryAsOfResponse, 'The record', { problems: { 404: NOT_FOUND } })
  async history(
    @RecordId('meetingId') meetingId: string,
    @Query() q: AsOfQueryDto,
  ): Promise<MeetingHistoryAsOfResponse> {
    const answer = await this.answer(q);
    return { ...this.reader(answer).history(meetingId), asOf: provenance(answer) };
  }

  private reader(a: AsOfAnswer): MeetingsReader {
    return new MeetingsReader(viewOf(a));
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(meetingsProjection.name, bitemporal(q));
  }
}
