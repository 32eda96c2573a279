import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class RenamePartnerDto extends CommandDto {
  @ApiProperty({ example: 'Coventry and Warwickshire Integrated Care Board', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    description: 'Date the new name takes effect; earlier events keep the old name',
    example: '2022-07-01',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}
