import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class SucceedPartnerDto extends CommandDto {
  @IsRecordId('The partner that takes over (registered first)', 'cw-icb')
  successorId!: string;

  @ApiProperty({ example: '2022-07-01' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;
}
