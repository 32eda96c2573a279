import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class WithdrawPledgeDto extends CommandDto {
  @ApiProperty({ example: 'Contribution not approved by the force finance board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}
