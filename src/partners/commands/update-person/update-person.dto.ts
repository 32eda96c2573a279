import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

/** Give a new partner, a new title or both; the earlier ones stay on record for earlier dates. */
export class UpdatePersonDto extends CommandDto {
  @ApiProperty({
    description: 'Date the change takes effect; earlier records keep the previous partner and title',
    example: '2022-07-01',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The partner the person represents from effectiveFrom (registered first)', 'coventry-warwickshire-icb')
  partnerId?: string;

  @ApiPropertyOptional({ example: 'Escalation lead for health', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
}
