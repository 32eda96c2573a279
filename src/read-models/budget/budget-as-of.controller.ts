import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import { BudgetYearItemSchema, BudgetYearViewAsOfSchema } from './budget.responses';
import { budgetProjection } from '../../../projections/budget/budget.projection';
import { RecordETag } from '../etag/read-etag';
import { BudgetOwnerParam, FinancialYearParam } from '../../funding/http-surface';
import { BudgetReader } from './budget.reader';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfBudgetListQueryDto } from '../as-of/as-of-register-queries.dto';

const NAME = budgetProjection.name;

/**
 * Budgets and contributions as the register showed them at a past point of the log (knownAt) and business date (validAt), for auditors
 * asking what the partnership knew it had agreed and been paid then. The same reader and pure
 * summaries as GET /budgets run over an as-of view; partner names are the names known then too.
 */
@ApiTags('budgets')
@ApiBearerAuth()
@Controller('as-of/budgets')
export class BudgetAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listBudgetsAsOf',
    summary:
      'Financial years with their headline figures as known at knownAt (recording time) and true at validAt (business time) (audit replay); same paging as listBudgets',
  })
  @ListRead(
    BudgetYearItemSchema,
    'A page of years then, with asOf provenance; a bad knownAt or validAt, limit or cursor is a 400',
    {
      asOf: AsOfProvenanceSchema,
    },
  )
  list(@Query() q: AsOfBudgetListQueryDto): Promise<Page<BudgetYearItemSchema> & { asOf: AsOfProvenanceSchema }> {
    return asOfPage(this.engine, NAME, q, (view) => new BudgetReader(view).list(q.limit ?? 50, q.cursor, q.ownerId));
  }

  @Get(':financialYear/contributions')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getBudgetContributionsAsOf',
    summary:
      "One year's budget, pledges, payments, shortfall and underwriting as known at knownAt (recording time) and true at validAt (business time)",
  })
  @RecordRead(BudgetYearViewAsOfSchema, 'The year with its figures worked out then, with asOf provenance', {
    problems: {
      400: 'invalid-id, invalid-financial-year or validation-failed (knownAt, validAt)',
      404: 'budget-not-found: no budget had been set for the year by then',
    },
  })
  contributions(
    @FinancialYearParam() financialYear: string,
    @Query() q: AsOfQueryDto,
  ): Promise<BudgetYearViewAsOfSchema> {
    return asOfRecord(this.engine, NAME, q, (view) => new BudgetReader(view).get(financialYear));
  }

  @Get(':ownerId/:financialYear/contributions')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getBudgetContributionsForOwnerAsOf',
    summary: "One board's year (keyed by owner and year) as known at knownAt and true at validAt",
  })
  @RecordRead(BudgetYearViewAsOfSchema, "The board's year with its figures worked out then, with asOf provenance", {
    problems: {
      400: 'invalid-id, invalid-financial-year or validation-failed (knownAt, validAt)',
      404: 'budget-not-found: no budget had been set for the board and year by then',
    },
  })
  contributionsForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Query() q: AsOfQueryDto,
  ): Promise<BudgetYearViewAsOfSchema> {
    return asOfRecord(this.engine, NAME, q, (view) => new BudgetReader(view).get(financialYear, ownerId));
  }
}
