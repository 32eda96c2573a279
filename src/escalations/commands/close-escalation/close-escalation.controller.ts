import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CloseEscalationCommand } from './close-escalation.handler';
import { CommandDto } from '../../../http/command.dto';

/** Closing carries nothing but its business time: the outcome was recorded when it was resolved. */
export class CloseEscalationDto extends CommandDto {}

@ApiTags('escalations')
@Controller('escalations')
export class CloseEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/close')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'closeEscalation', summary: 'Close a resolved escalation' })
  // The body holds only the optional occurredAt, which Ctx reads; the DTO is still validated so unknown fields are refused.
  close(@RecordId('escalationId') escalationId: string, @Body() _dto: CloseEscalationDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CloseEscalationCommand({ escalationId }, ctx));
  }
}
