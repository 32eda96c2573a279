import { IntersectionType } from '../../shared/openapi/deferred-swagger';
import { BudgetListQueryDto } from '../budget/budget-query.dto';
import { DecisionRegisterQueryDto } from '../decision-register/decision-register-query.dto';
import { AsOfQueryDto } from './as-of-query.dto';

/** GET /as-of/budgets: the live list's paging, at a past point of the log. */
export class AsOfBudgetListQueryDto extends IntersectionType(BudgetListQueryDto, AsOfQueryDto) {}

/** GET /as-of/decision-register: the live register's filters and paging, at a past point of the log. */
export class AsOfDecisionRegisterQueryDto extends IntersectionType(DecisionRegisterQueryDto, AsOfQueryDto) {}
