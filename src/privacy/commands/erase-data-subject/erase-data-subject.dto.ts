import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class EraseDataSubjectDto extends CommandDto {
  @ApiProperty({
    description:
      "Why the data is erased (e.g. the request reference). Never the person's name: this is recorded for ever.",
    maxLength: 500,
    example: 'Erasure request DPR-2023-014 upheld',
  })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;

  @ApiPropertyOptional({
    description: 'Erase one key version only (e.g. the one a rectification superseded); all versions when absent',
    minimum: 1,
    maximum: 1_000_000,
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  keyVersion?: number;
}
