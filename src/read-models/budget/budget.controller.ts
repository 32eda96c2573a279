import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';
import { BudgetYearItemSchema, BudgetYearViewSchema } from './budget.responses';
import type { Observable } from 'rxjs';
import { isHeld, YEAR_KEY_PREFIX, type BudgetDoc, type BudgetYearDoc } from '../../../projections/budget/budget-doc';
import { budgetProjection } from '../../../projections/budget/budget.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { BudgetOwnerParam, FinancialYearParam } from '../../funding/http-surface';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams, type StreamSpec } from '../sse/projection-streams';
import { BudgetListQueryDto } from './budget-query.dto';
import { BudgetReader } from './budget.reader';

/**
 * Budgets and who pays for them, per financial year, as the projection has applied the ledger
 * (eventually consistent). Money is integer pence; how pledges count is in budget.summary.ts.
 */
@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetController {
  /** Only years, as their contributions view: partner-name documents are the projection's own bookkeeping. */
  private readonly years: StreamSpec<BudgetDoc>;

  constructor(
    private readonly reader: BudgetReader,
    private readonly streams: ProjectionStreams,
  ) {
    this.years = {
      projection: budgetProjection,
      select: (key, doc) =>
        key.startsWith(YEAR_KEY_PREFIX) && isHeld(doc as BudgetYearDoc)
          ? { type: 'budget', data: this.reader.view(doc as BudgetYearDoc) }
          : undefined,
    };
  }

  @Get()
  @ReadModelETag(budgetProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listBudgets',
    summary:
      'Budgets by owner and financial year with budget, agreed and paid contributions, shortfall and what underwriting leaves uncovered; cursor paging',
  })
  @ListRead(BudgetYearItemSchema, 'A page of years with their headline figures; a bad limit or cursor is a 400')
  list(@Query() q: BudgetListQueryDto): Page<BudgetYearItemSchema> {
    return this.reader.list(q.limit ?? 50, q.cursor, q.ownerId);
  }

  /** Declared before the :financialYear route so "stream" is never read as a year. */
  @ProjectionStreamEndpoint(
    'streamBudgets',
    'Server-Sent Events: a year\'s contributions view each time its budget stream changes (event "budget", id = ledger position)',
    { budget: BudgetYearViewSchema },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(this.years, { headers, query }, signal);
  }

  @Get(':financialYear/contributions')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBudgetContributions',
    summary:
      "One year: budget lines, pledges by partner and basis, payments and outstanding, shortfall, underwriting shares and caps, uncovered part, each partner's share",
  })
  @RecordRead(
    BudgetYearViewSchema,
    'The year with its figures worked out (see the summary rules: only agreed pledges count)',
    { problems: { 400: 'invalid-id or invalid-financial-year', 404: 'budget-not-found' } },
  )
  contributions(@FinancialYearParam() financialYear: string): BudgetYearViewSchema {
    return this.reader.get(financialYear);
  }

  @Get(':ownerId/:financialYear/contributions')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBudgetContributionsForOwner',
    summary: "One board's year (keyed by owner and year): the same view as getBudgetContributions",
  })
  @RecordRead(BudgetYearViewSchema, "The board's year with its figures worked out", {
    problems: { 400: 'invalid-id or invalid-financial-year', 404: 'budget-not-found' },
  })
  contributionsForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
  ): BudgetYearViewSchema {
    return this.reader.get(financialYear, ownerId);
  }
}
