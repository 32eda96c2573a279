import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BudgetListQueryDto } from '../budget/budget-query.dto';
import { DecisionRegisterQueryDto } from '../decision-register/decision-register-query.dto';
import { IsAsOf } from './as-of-query.dto';

export const AS_OF_DESCRIPTION =
  'A log position (integer): the register after every event at or before it; or a date YYYY-MM-DD: as known at the end of that day (UTC), ' +
  'i.e. every event recorded by then and nothing entered later; or an ISO instant with a zone: as known at that instant.';

/** GET /as-of/budgets: the live list's paging, at a past point of the log. */
export class AsOfBudgetListQueryDto extends BudgetListQueryDto {
  @ApiProperty({ maxLength: 40, description: AS_OF_DESCRIPTION, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}

/** GET /as-of/decision-register: the live register's filters and paging, at a past point of the log. */
export class AsOfDecisionRegisterQueryDto extends DecisionRegisterQueryDto {
  @ApiProperty({ maxLength: 40, description: AS_OF_DESCRIPTION, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}
