import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { LongText } from '../../../http/text-hygiene';

/** A revision restates the whole budget (total and lines) and says why, so the ledger shows before and after. */
export class ReviseBudgetDto extends BudgetFiguresDto {
  @ApiProperty({ example: 'Police contribution reduced; reviews line cut to match', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}
