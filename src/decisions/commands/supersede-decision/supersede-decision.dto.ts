import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class SupersedeDecisionDto extends CommandDto {
  @IsRecordId('The later decision that replaces this one (recorded first)', 'wseb-2022-09-22-d3')
  supersededByDecisionId!: string;

  @ApiProperty({ example: 'The revised training proposal replaces the earlier one', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}
