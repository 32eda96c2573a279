import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { toStages } from '../protocol-stage.dto';
import { DefineProtocolCommand } from './define-protocol.command';
import { DefineProtocolDto } from './define-protocol.dto';

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
