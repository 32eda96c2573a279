import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class WithdrawSignoffRequestDto extends CommandDto {
  @ApiProperty({ example: 'The report is replaced by a combined partnership report', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}
