import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class EscalateEscalationDto extends CommandDto {
  @ApiProperty({
    description: 'Why it moves to the next stage. No names of children or families.',
    maxLength: 1000,
    example: 'Not resolved within the 2 working days of stage 1',
  })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

export class EscalateEscalationCommand extends LedgerCommand<CommandData<EscalationCommand, 'escalate-escalation'>> {}

@CommandHandler(EscalateEscalationCommand)
export class EscalateEscalationHandler implements ICommandHandler<EscalateEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: EscalateEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'escalateEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'escalate-escalation', data }, ctx);
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class EscalateEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/escalate')
  @CommandRoute(200, 'escalations:manage', {
    operationId: 'escalateEscalation',
    summary: 'Move to the next stage of its protocol version (stages never go backwards; refused after the last)',
  })
  escalate(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: EscalateEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EscalateEscalationCommand({ escalationId, reason: dto.reason }, ctx));
  }
}
