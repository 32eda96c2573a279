import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import { IsPence } from '../../http/pence.decorator';

export class RecordPaymentDto extends CommandDto {
  @IsRecordId('Stable id of the payment', 'police-2022-23-q1')
  paymentId!: string;

  @IsRecordId('The paying partner (registered first)', 'warwickshire-police')
  partnerId!: string;

  @IsPence('Amount received', 2_500_000, 1)
  amountPence!: number;

  @ApiProperty({ description: 'Date the money arrived', example: '2022-06-01', format: 'date' })
  @IsISO8601({ strict: true })
  receivedOn!: string;

  @ApiPropertyOptional({
    description: "The pledge this pays (must be the same partner's, not withdrawn, and not overpaid)",
    example: 'police-2022-23',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  pledgeId?: string;
}
