import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';

export class WithdrawSignoffRequestDto extends CommandDto {
  @ApiProperty({ example: 'The report is replaced by a combined partnership report', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
