import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { PLEDGE_BASES, type PledgeBasis } from '../../domain/budget';
import { IsPence } from '../../http/pence.decorator';
import { LongText } from '../../../http/text-hygiene';

export class AmendPledgeDto extends CommandDto {
  @IsPence('New amount pledged (not below what has already been paid against it)', 700_000, 1)
  amountPence!: number;

  @ApiProperty({ enum: PLEDGE_BASES, description: "'up-to' is a cap: the partner commits at most this amount" })
  @IsIn(PLEDGE_BASES)
  basis!: PledgeBasis;

  @ApiProperty({ example: 'Capped at £7,000 as agreed at the September board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}
