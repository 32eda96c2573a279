import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { EscalateEscalationCommand } from './escalate-escalation.command';
import { EscalateEscalationDto } from './escalate-escalation.dto';

@ApiTags('escalations')
@Controller('escalations')
export class EscalateEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/escalate')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'escalateEscalation',
    summary: 'Move to the next stage of its protocol version (stages never go backwards; refused after the last)',
  })
  escalate(
    @Param('escalationId', IdPipe) escalationId: string,
    @Body() dto: EscalateEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EscalateEscalationCommand({ escalationId, reason: dto.reason }, ctx));
  }
}
