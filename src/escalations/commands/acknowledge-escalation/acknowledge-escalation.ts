import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsPersonalNote, personalNote, PersonalNoteDto } from '../data-subject.dto';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertMayActFor } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class AcknowledgeEscalationDto extends CommandDto {
  @ApiPropertyOptional({
    description: 'No names of children or families',
    maxLength: 1000,
    example: 'Received; the team manager will reply within the stage timescale',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  note?: string;

  @IsPersonalNote()
  personalNote?: PersonalNoteDto;
}

export class AcknowledgeEscalationCommand extends LedgerCommand<
  CommandData<EscalationCommand, 'acknowledge-escalation'>
> {}

@CommandHandler(AcknowledgeEscalationCommand)
export class AcknowledgeEscalationHandler implements ICommandHandler<AcknowledgeEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AcknowledgeEscalationCommand) {
    // Only the agency the escalation concerns acknowledges it: a partner representative must belong to it.
    // (An escalation never raised has no concerning agency; the decider refuses it with its own code.)
    const { state } = await this.runner.load(Escalation, data.escalationId);
    assertMayActFor(
      ctx.actor,
      'acknowledgeEscalation',
      state.concerningAgency === undefined ? undefined : [state.concerningAgency],
    );
    return this.runner.run(Escalation, data.escalationId, { type: 'acknowledge-escalation', data }, ctx);
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class AcknowledgeEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/acknowledge')
  @CommandRoute(200, 'escalations:respond', {
    operationId: 'acknowledgeEscalation',
    summary:
      'Acknowledge the current stage, for the agency the escalation concerns (representatives: their own agency only)',
  })
  acknowledge(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: AcknowledgeEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(
      new AcknowledgeEscalationCommand({ escalationId, note: dto.note, ...personalNote(dto.personalNote) }, ctx),
    );
  }
}
