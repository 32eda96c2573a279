import { Controller, Get, Headers, MessageEvent, Param, Query, SseSignal } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { MeetingDoc } from '../../../projections/meetings/meeting-doc';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { meetingView } from '../../../projections/meetings/meetings.queries';
import { Requires } from '../../auth/requires.decorator';
import { IdPipe } from '../../http/id.pipe';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { MeetingHistoryResponse, MeetingPageResponse, MeetingResponse } from './meeting-responses.dto';
import { MeetingsQueryDto } from './meetings-query.dto';
import { MeetingsReader } from './meetings.reader';

const problemSchema = { $ref: '#/components/schemas/Problem' };

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
  @ApiOkResponse({ type: MeetingPageResponse })
  @ApiBadRequestResponse({ description: 'A filter or the cursor is invalid', schema: problemSchema })
  list(@Query() q: MeetingsQueryDto): MeetingPageResponse {
    return this.reader.list({ boardId: q.board, from: q.from, to: q.to }, q.limit ?? 50, q.cursor);
  }

  /** Declared before :meetingId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamMeetings',
    'Server-Sent Events: each meeting (event "meeting", the same document as getMeeting) as applied; id = ledger position',
    '"meeting" events',
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
  @ApiOkResponse({ type: MeetingResponse })
  @ApiNotFoundResponse({ description: 'meeting-not-found', schema: problemSchema })
  get(@Param('meetingId', IdPipe) meetingId: string): MeetingResponse {
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
  @ApiOkResponse({ type: MeetingHistoryResponse })
  @ApiNotFoundResponse({ description: 'meeting-not-found', schema: problemSchema })
  history(@Param('meetingId', IdPipe) meetingId: string): MeetingHistoryResponse {
    return this.reader.history(meetingId);
  }
}
