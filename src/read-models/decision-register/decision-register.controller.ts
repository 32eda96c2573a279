import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';
import {
  DecisionDocumentSchema,
  DecisionHistorySchema,
  DecisionRegisterDetailSchema,
  DecisionRegisterItemSchema,
  SignoffDocumentSchema,
} from './decision-register.responses';
import type { Observable } from 'rxjs';
import type { DecisionRegisterDoc } from '../../../projections/decision-register/decision-register-doc';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { RecordId } from '../../http/id.pipe';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { DecisionRegisterQueryDto, registerFilters } from './decision-register-query.dto';
import { DecisionRegisterReader } from './decision-register.reader';

/** What the stream sends: recorded decisions, and sign-offs that belong to a decision. Meetings are bookkeeping. */
function streamed(doc: DecisionRegisterDoc): boolean {
  if (doc.kind === 'decision') return doc.recorded;
  return doc.kind === 'signoff' && doc.requested && doc.decisionId !== undefined;
}

const registerDocuments: StreamSpec<DecisionRegisterDoc> = {
  projection: decisionRegisterProjection,
  select: (_key, doc) => (streamed(doc) ? { type: doc.kind, data: doc } : undefined),
};

/** The decision register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('decision-register')
@ApiBearerAuth()
@Controller('decision-register')
export class DecisionRegisterController {
  constructor(
    private readonly reader: DecisionRegisterReader,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(decisionRegisterProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listDecisionRegister',
    summary:
      'Decisions with meeting, outcome, budget, conditions, status and sign-offs; filter by board, meeting, outcome, status, unsatisfied conditions or meeting dates; cursor paging',
  })
  @ListRead(DecisionRegisterItemSchema, 'A page of decisions; a bad filter or cursor is a 400')
  list(@Query() q: DecisionRegisterQueryDto): Page<DecisionRegisterItemSchema> {
    return this.reader.list(registerFilters(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :decisionId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamDecisionRegister',
    'Server-Sent Events: each decision (event "decision") and each decision\'s sign-off (event "signoff") as applied; id = ledger position',
    { decision: DecisionDocumentSchema, signoff: SignoffDocumentSchema },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(registerDocuments, { headers, query }, signal);
  }

  @Get(':decisionId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterEntry',
    summary:
      "One decision: meeting and item, outcome, text, budget, partners, conditions (satisfied when and by whom), status, and each sign-off with every required partner's signature on the current version and its invalidations",
  })
  @RecordRead(DecisionRegisterDetailSchema, 'The decision with its meeting and sign-offs (history at /history)', {
    problems: { 404: 'decision-not-found' },
  })
  get(@RecordId('decisionId') decisionId: string): DecisionRegisterDetailSchema {
    return this.reader.get(decisionId);
  }

  @Get(':decisionId/history')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterHistory',
    summary:
      "The decision's history and its sign-offs' in ledger order: what happened, business and recorded time, who, and where to verify it",
  })
  @RecordRead(DecisionHistorySchema, 'Every change to the decision and its sign-offs', {
    problems: { 404: 'decision-not-found' },
  })
  history(@RecordId('decisionId') decisionId: string): DecisionHistorySchema {
    return this.reader.history(decisionId);
  }
}
