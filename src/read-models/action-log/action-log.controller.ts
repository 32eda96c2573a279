import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import { ACTION_KEY_PREFIX, type ActionLogDoc } from '../../../projections/action-log/action-log-doc';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { RenamedQueryParameter } from '../../http/deprecation';
import {
  actionLogFilters,
  ActionLogEntryQueryDto,
  ActionLogQueryDto,
  OVERDUE_ON_RENAMED,
} from './action-log-query.dto';
import { ActionLogReader } from './action-log.reader';
import { ActionLogDetailSchema, ActionLogDocumentSchema, ActionLogItemSchema } from './action-log.responses';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';

/** Only actions: the meeting -> board documents are the projection's own bookkeeping. */
const actionDocuments: StreamSpec<ActionLogDoc> = {
  projection: actionLogProjection,
  select: (key, doc) => (key.startsWith(ACTION_KEY_PREFIX) ? { type: 'action', data: doc } : undefined),
};

/** The current action log, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('action-log')
@ApiBearerAuth()
@Controller('action-log')
export class ActionLogController {
  constructor(
    private readonly reader: ActionLogReader,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ReadModelETag(actionLogProjection)
  @Requires('ledger:read')
  @RenamedQueryParameter(OVERDUE_ON_RENAMED)
  @ApiOperation({
    operationId: 'listActionLog',
    summary:
      'Actions with their status, owners, due date and meetings; filter by board, owner, partner, status or overdue; cursor paging',
  })
  @ListRead(ActionLogItemSchema, 'A page of actions; a filter or the cursor that is invalid is a 400')
  list(@Query() q: ActionLogQueryDto): Page<ActionLogItemSchema> {
    return this.reader.list(actionLogFilters(q, this.overdueOn(q)), q.limit ?? 50, q.cursor);
  }

  /** Declared before :actionId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamActionLog',
    'Server-Sent Events: each action document as it is applied (event "action", id = ledger position)',
    { action: ActionLogDocumentSchema },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(actionDocuments, { headers, query }, signal);
  }

  @Get(':actionId')
  @RecordETag()
  @Requires('ledger:read')
  @RenamedQueryParameter(OVERDUE_ON_RENAMED)
  @ApiOperation({
    operationId: 'getActionLogEntry',
    summary: 'One action with its full change history: who, business time and recorded time of every change',
  })
  @RecordRead(
    ActionLogDetailSchema,
    "The action document with its history (read from the action's stream up to the position the action log has applied)",
    { problems: { 404: 'action-not-found' } },
  )
  get(@RecordId('actionId') actionId: string, @Query() q: ActionLogEntryQueryDto): Promise<ActionLogDetailSchema> {
    return this.reader.get(actionId, this.overdueOn(q));
  }

  /** Under its name or the deprecated one (RenamedQueryParameter refused two different dates); today by default. */
  private overdueOn(q: ActionLogEntryQueryDto): string {
    return q.overdueOn ?? q.asOf ?? this.today();
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}
