import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class RegisterPersonDto extends CommandDto {
  @IsRecordId('Stable name slug, never initials (minutes reuse initials for different people)', 'jackie-channell')
  personId!: string;

  @ApiProperty({ example: 'Jackie Channell', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsRecordId('The partner the person represents (registered first)', 'coventry-warwickshire-ccg')
  partnerId!: string;

  @ApiPropertyOptional({ example: 'Designated Nurse, Safeguarding Children', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
}
