import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { AcknowledgeEscalationCommand } from './acknowledge-escalation.command';
import { personalNote } from '../data-subject.dto';
import { AcknowledgeEscalationDto } from './acknowledge-escalation.dto';

@ApiTags('escalations')
@Controller('escalations')
export class AcknowledgeEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/acknowledge')
  @HttpCode(200)
  @Requires('escalations:respond')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'acknowledgeEscalation',
    summary:
      'Acknowledge the current stage, for the agency the escalation concerns (representatives: their own agency only)',
  })
  acknowledge(
    @Param('escalationId', IdPipe) escalationId: string,
    @Body() dto: AcknowledgeEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(
      new AcknowledgeEscalationCommand({ escalationId, note: dto.note, ...personalNote(dto.personalNote) }, ctx),
    );
  }
}
