import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { MAX_STAGES } from '../../domain/escalation-protocol';
import { ProtocolStageDto } from '../protocol-stage.dto';
import { LongText } from '../../../http/text-hygiene';

export class ReviseProtocolDto extends CommandDto {
  @ApiPropertyOptional({ description: 'New name; omit to keep the current one', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiProperty({
    type: [ProtocolStageDto],
    minItems: 1,
    maxItems: MAX_STAGES,
    description: 'The complete stages of the new version, in order',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => ProtocolStageDto)
  stages!: ProtocolStageDto[];

  @ApiPropertyOptional({ example: 'Timescales lengthened after the 2023 review', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}
