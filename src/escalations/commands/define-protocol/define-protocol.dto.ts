import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { MAX_STAGES } from '../../domain/escalation-protocol';
import { ProtocolStageDto } from '../protocol-stage.dto';

export class DefineProtocolDto extends CommandDto {
  @IsRecordId('Stable id of the protocol', 'ws-escalation-protocol')
  protocolId!: string;

  @ApiProperty({ example: 'Warwickshire Safeguarding Escalation Protocol', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    type: [ProtocolStageDto],
    minItems: 1,
    maxItems: MAX_STAGES,
    description: 'Stages in order: stage 1 first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => ProtocolStageDto)
  stages!: ProtocolStageDto[];
}
