import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';

export class WithdrawPledgeDto extends CommandDto {
  @ApiProperty({ example: 'Contribution not approved by the force finance board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
