import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { toStages, ProtocolStageDto } from '../protocol-stage.dto';
import { DefineProtocolCommand } from './define-protocol.handler';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { MAX_STAGES } from '../../domain/escalation-protocol';

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

@ApiTags('escalations')
@Controller('escalation-protocols')
export class DefineProtocolController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('partners:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'defineEscalationProtocol',
    summary: 'Define an escalation protocol (version 1): its stages and working-day timescales',
  })
  define(@Body() dto: DefineProtocolDto, @Ctx() ctx: CommandContext) {
    const { protocolId, name, stages } = dto;
    return this.commands.execute(new DefineProtocolCommand({ protocolId, name, stages: toStages(stages) }, ctx));
  }
}
