import { Controller, Get, Header, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import type { MeetingDoc } from '../../../projections/meetings/meeting-doc';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { meetingView } from '../../../projections/meetings/meetings.queries';
import { Requires } from '../../auth/requires.decorator';
import { attendanceRegisterCsv } from '../../evidence';
import { CollectionRead, ReadProblems, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import {
  AttendanceRegisterResponse,
  MeetingHistoryResponse,
  MeetingPageResponse,
  MeetingResponse,
} from './meeting-responses.dto';
import { AttendanceRegisterQueryDto, MeetingsQueryDto } from './meetings-query.dto';
import { MeetingsReader } from './meetings.reader';

/** Scheduled meetings only, as the one-record read shows them (the history stays at /history). */
const meetingDocuments: StreamSpec<MeetingDoc> = {
  projection: meetingsProjection,
  select: (_key, doc) => (doc.scheduled ? { type: 'meeting', data: meetingView(doc) } : undefined),
};

/** Meetings as the projection has applied them (eventually consistent with the ledger). Commands only POST under /meetings. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly reader: MeetingsReader,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(meetingsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listMeetings',
    summary:
      'Meetings with board, date, title, location, attendance (apologies, deputies, corrections), agenda and presenters, minutes approved, decisions recorded and actions raised; filter by board or date range; cursor paging',
  })
  @CollectionRead(MeetingPageResponse, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: MeetingsQueryDto): MeetingPageResponse {
    return this.reader.list({ boardId: q.board, from: q.from, to: q.to }, q.limit ?? 50, q.cursor);
  }

  /** Declared before :meetingId so "attendance-register" is never read as an id. */
  @Get('attendance-register')
  @ReadModelETag(meetingsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getAttendanceRegister',
    summary:
      "Attendance register (the annual report's appendix): per board, financial year and member, meetings held while they sat, attended, apologies, deputised, and rates",
  })
  @CollectionRead(AttendanceRegisterResponse, 'The register', { problems: { 400: 'A filter is invalid' } })
  attendanceRegister(@Query() q: AttendanceRegisterQueryDto): AttendanceRegisterResponse {
    return { items: this.reader.attendanceRegister({ boardId: q.board, financialYear: q.year }) };
  }

  /** The same register as the annual report's appendix, in the CSV an evidence pack carries (attendance-register.csv). */
  @Get('attendance-register.csv')
  @ReadModelETag(meetingsProjection)
  @Requires('ledger:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="attendance-register.csv"')
  @ApiOperation({
    operationId: 'getAttendanceRegisterCsv',
    summary:
      "The attendance register as CSV (the annual report's appendix, as evidence packs carry it): one row per board, financial year, seat and member with meetings held, attended, apologies, deputised and by whom, and rates; same filters as getAttendanceRegister",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'RFC 4180 CSV, CRLF line ends, header row first; a cell a spreadsheet would run as a formula starts with an apostrophe',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ReadProblems(false, { problems: { 400: 'A filter is invalid' } })
  attendanceRegisterCsv(@Query() q: AttendanceRegisterQueryDto): string {
    return attendanceRegisterCsv(this.reader.attendanceRegister({ boardId: q.board, financialYear: q.year }));
  }

  /** Declared before :meetingId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamMeetings',
    'Server-Sent Events: each meeting (event "meeting", the same document as getMeeting) as applied; id = ledger position',
    { meeting: MeetingResponse },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(meetingDocuments, { headers, query }, signal);
  }

  @Get(':meetingId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMeeting',
    summary:
      'One meeting: board, date, title, location, attendance as corrected and every correction, agenda with presenters, minutes it approved and where its own were approved, decisions recorded and actions raised at it',
  })
  @RecordRead(MeetingResponse, 'The record', { problems: { 404: 'meeting-not-found' } })
  get(@RecordId('meetingId') meetingId: string): MeetingResponse {
    return this.reader.get(meetingId);
  }

  @Get(':meetingId/history')
  @ReadModelETag(meetingsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMeetingHistory',
    summary:
      "The meeting's history in ledger order (its own events, decisions recorded and actions raised at it, approvals of its minutes): what, business and recorded time, who, and where to verify it",
  })
  @RecordRead(MeetingHistoryResponse, 'The record', { problems: { 404: 'meeting-not-found' } })
  history(@RecordId('meetingId') meetingId: string): MeetingHistoryResponse {
    return this.reader.history(meetingId);
  }
}
