import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CommandDto } from '../../../http/command.dto';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

/** Closing carries nothing but its business time: the outcome was recorded when it was resolved. */
export class CloseEscalationDto extends CommandDto {}

export class CloseEscalationCommand extends LedgerCommand<CommandData<EscalationCommand, 'close-escalation'>> {}

@CommandHandler(CloseEscalationCommand)
export class CloseEscalationHandler implements ICommandHandler<CloseEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: CloseEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'closeEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'close-escalation', data }, ctx);
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class CloseEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/close')
  @CommandRoute(200, 'escalations:manage', { operationId: 'closeEscalation', summary: 'Close a resolved escalation' })
  // The body holds only the optional occurredAt, which Ctx reads; the DTO is still validated so unknown fields are refused.
  close(@RecordId('escalationId') escalationId: string, @Body() _dto: CloseEscalationDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CloseEscalationCommand({ escalationId }, ctx));
  }
}
