import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class SatisfyDecisionConditionDto extends CommandDto {
  @IsRecordId('The condition, as recorded with the decision', 'c1')
  conditionId!: string;

  @ApiPropertyOptional({
    description: 'How it was satisfied',
    example: 'Revised proposal circulated with the agreed changes',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @LongText()
  note?: string;
}
