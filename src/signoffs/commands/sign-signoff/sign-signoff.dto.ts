import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class SignSignoffDto extends CommandDto {
  @IsRecordId(
    'The partner signing: one of the required partners (representatives: their own agency)',
    'warwickshire-police',
  )
  partnerId!: string;

  @ApiPropertyOptional({
    description: 'The person who signed for the partner',
    example: 'chief-constable-warwickshire',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  signedByPersonId?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Conditions the signature is subject to',
    example: ['Subject to correcting the data on page 12'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @LongText()
  conditions?: string[];
}
