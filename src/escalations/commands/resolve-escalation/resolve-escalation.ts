import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import {
  ESCALATION_OUTCOMES,
  type EscalationOutcome,
  Escalation,
  type EscalationCommand,
} from '../../domain/escalation';
import { LongText } from '../../../http/text-hygiene';
import { assertMayActFor } from '../../../auth/agency-scope';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class ResolveEscalationDto extends CommandDto {
  @ApiProperty({ enum: ESCALATION_OUTCOMES, description: 'How the disagreement ended' })
  @IsIn(ESCALATION_OUTCOMES)
  outcome!: EscalationOutcome;

  @ApiProperty({
    description: 'What was agreed or why not. No names of children or families.',
    maxLength: 2000,
    example: 'Health assessment date agreed between the team managers',
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  summary!: string;
}

export class ResolveEscalationCommand extends LedgerCommand<CommandData<EscalationCommand, 'resolve-escalation'>> {}

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ResolveEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'resolveEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'resolve-escalation', data }, ctx);
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class ResolveEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/resolve')
  @CommandRoute(200, 'escalations:manage', {
    operationId: 'resolveEscalation',
    summary: 'Resolve with an outcome at the current stage',
  })
  resolve(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: ResolveEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { outcome, summary } = dto;
    return this.commands.execute(new ResolveEscalationCommand({ escalationId, outcome, summary }, ctx));
  }
}
