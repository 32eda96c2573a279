import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import {
  AttendanceRegisterAsOfResponse,
  MeetingAsOfResponse,
  MeetingHistoryAsOfResponse,
  MeetingPageAsOfResponse,
} from './meeting-responses.dto';
import { AsOfAttendanceRegisterQueryDto, AsOfMeetingsQueryDto } from './meetings-query.dto';
import { MeetingsReader } from './meetings.reader';

const NAME = meetingsProjection.name;
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
  @AsOfRead()
  @ApiOperation({
    operationId: 'listMeetingsAsOf',
    summary:
      'Meetings as known at knownAt (recording time) and true at validAt (business time) (audit replay); same filters and paging as listMeetings',
  })
  @CollectionRead(MeetingPageAsOfResponse, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfMeetingsQueryDto): Promise<MeetingPageAsOfResponse> {
    return asOfPage(this.engine, NAME, q, (view) =>
      new MeetingsReader(view).list({ boardId: q.board, from: q.from, to: q.to }, q.limit ?? 50, q.cursor),
    );
  }

  /** Declared before :meetingId so "attendance-register" is never read as an id. */
  @Get('attendance-register')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getAttendanceRegisterAsOf',
    summary:
      "The attendance register (the annual report's appendix) as known at knownAt and true at validAt, e.g. at the end of an evidence pack's period; same filters as getAttendanceRegister",
  })
  @CollectionRead(AttendanceRegisterAsOfResponse, 'The register', {
    problems: { 400: 'knownAt, validAt or a filter is invalid' },
  })
  attendanceRegister(@Query() q: AsOfAttendanceRegisterQueryDto): Promise<AttendanceRegisterAsOfResponse> {
    return asOfPage(this.engine, NAME, q, (view) => ({
      items: new MeetingsReader(view).attendanceRegister({ boardId: q.board, financialYear: q.year }),
    }));
  }

  @Get(':meetingId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getMeetingAsOf',
    summary: 'One meeting as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(MeetingAsOfResponse, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('meetingId') meetingId: string, @Query() q: AsOfQueryDto): Promise<MeetingAsOfResponse> {
    return asOfRecord(this.engine, NAME, q, (view) => new MeetingsReader(view).get(meetingId));
  }

  @Get(':meetingId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getMeetingHistoryAsOf',
    summary: "The meeting's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(MeetingHistoryAsOfResponse, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('meetingId') meetingId: string, @Query() q: AsOfQueryDto): Promise<MeetingHistoryAsOfResponse> {
    return asOfRecord(this.engine, NAME, q, (view) => new MeetingsReader(view).history(meetingId));
  }
}
