import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { IsFinancialYear } from '../../http/financial-year';

export class SetBudgetDto extends BudgetFiguresDto {
  @IsFinancialYear()
  financialYear!: string;
}
