import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { toStages, ProtocolStageDto } from '../protocol-stage.dto';
import { ReviseProtocolCommand } from './revise-protocol.handler';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { MAX_STAGES } from '../../domain/escalation-protocol';
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

@ApiTags('escalations')
@Controller('escalation-protocols')
export class ReviseProtocolController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':protocolId/revise')
  @HttpCode(200)
  @Requires('partners:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'reviseEscalationProtocol',
    summary: 'Revise a protocol as a new version (escalations already raised keep their version)',
  })
  revise(@RecordId('protocolId') protocolId: string, @Body() dto: ReviseProtocolDto, @Ctx() ctx: CommandContext) {
    const { name, stages, reason } = dto;
    return this.commands.execute(
      new ReviseProtocolCommand({ protocolId, name, stages: toStages(stages), reason }, ctx),
    );
  }
}
