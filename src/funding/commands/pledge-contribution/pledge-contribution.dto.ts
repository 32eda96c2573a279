import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { PLEDGE_BASES, type PledgeBasis } from '../../domain/budget';
import { IsPence } from '../../http/pence.decorator';

export class PledgeContributionDto extends CommandDto {
  @IsRecordId('Stable id of the pledge', 'police-2022-23')
  pledgeId!: string;

  @IsRecordId(
    'The pledging partner (registered first); representatives may pledge only for their own agency',
    'warwickshire-police',
  )
  partnerId!: string;

  @IsPence('Amount pledged', 5_000_000, 1)
  amountPence!: number;

  @ApiProperty({ enum: PLEDGE_BASES, description: "'up-to' is a cap: the partner commits at most this amount" })
  @IsIn(PLEDGE_BASES)
  basis!: PledgeBasis;
}
