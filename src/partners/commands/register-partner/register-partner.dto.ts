import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/partner';

export class RegisterPartnerDto extends CommandDto {
  @IsRecordId()
  partnerId!: string;

  @ApiProperty({ example: 'Warwickshire Police', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS, description: 'local-authority, police and health are the statutory partners' })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiPropertyOptional({
    description:
      'Whether this body is one of the three statutory partners; defaults to true for local-authority, police and health. Set false for e.g. an NHS trust.',
  })
  @IsOptional()
  @IsBoolean()
  statutory?: boolean;
}
