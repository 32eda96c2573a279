import { PageQueryDto } from '../../http/page-query.dto';

/** Paging for GET /budgets: years come in financial-year order. */
export class BudgetListQueryDto extends PageQueryDto {}
