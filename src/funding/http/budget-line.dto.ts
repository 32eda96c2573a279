import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { CommandDto } from '../../http/command.dto';
import { IsRecordId } from '../../http/ids';
import { IsPence } from './pence.decorator';

export class BudgetLineDto {
  @IsRecordId('Stable id of the budget line', 'reviews')
  lineId!: string;

  @ApiProperty({ example: 'Safeguarding adult and child practice reviews (4-5 a year)', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsPence('Amount of the line', 3_500_000)
  amountPence!: number;
}

/** The total and its lines, shared by setting and revising a budget. */
export class BudgetFiguresDto extends CommandDto {
  @IsPence('Total budget for the year', 32_100_000)
  totalPence!: number;

  @ApiProperty({
    type: [BudgetLineDto],
    maxItems: 50,
    description: 'Lines may sum to less than the total (the rest is reported as unallocated), never more',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  lines!: BudgetLineDto[];
}
