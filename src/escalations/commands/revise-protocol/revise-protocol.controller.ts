import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { toStages } from '../protocol-stage.dto';
import { ReviseProtocolCommand } from './revise-protocol.command';
import { ReviseProtocolDto } from './revise-protocol.dto';

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
  revise(@Param('protocolId', IdPipe) protocolId: string, @Body() dto: ReviseProtocolDto, @Ctx() ctx: CommandContext) {
    const { name, stages, reason } = dto;
    return this.commands.execute(
      new ReviseProtocolCommand({ protocolId, name, stages: toStages(stages), reason }, ctx),
    );
  }
}
