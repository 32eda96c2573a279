import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';

/** Paging for GET /budgets: the ledger partnership's years, then each owner's, in financial-year order. */
export class BudgetListQueryDto extends PageQueryDto {
  @IdFilter("Only this board's budgets, by year", 'wseb')
  ownerId?: string;
}
