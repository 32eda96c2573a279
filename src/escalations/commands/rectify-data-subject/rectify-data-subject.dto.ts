import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class RectifyDataSubjectDto extends CommandDto {
  @ApiPropertyOptional({
    description: 'Personal: the corrected name, encrypted under a new key version',
    maxLength: 200,
    example: 'Jamie Exampel',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    description: 'Personal: the corrected date of birth, encrypted under a new key version',
    example: '2015-04-03',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string;

  @ApiProperty({
    description: "Why it is corrected. Never the person's name: this is not encrypted.",
    maxLength: 500,
    example: "Spelling corrected at the family's request",
  })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}
