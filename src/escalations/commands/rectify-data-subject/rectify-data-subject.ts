import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class RectifyDataSubjectDto extends CommandDto {
  @ApiPropertyOptional({
    description: 'Personal: the corrected name, encrypted under a new key version',
    maxLength: 200,
    example: 'Jamie Exampel',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    description: 'Personal: the corrected date of birth, encrypted under a new key version',
    example: '2015-04-03',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string;

  @ApiProperty({
    description: "Why it is corrected. Never the person's name: this is not encrypted.",
    maxLength: 500,
    example: "Spelling corrected at the family's request",
  })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}

export class RectifyDataSubjectCommand extends LedgerCommand<CommandData<EscalationCommand, 'rectify-data-subject'>> {}

@CommandHandler(RectifyDataSubjectCommand)
export class RectifyDataSubjectHandler implements ICommandHandler<RectifyDataSubjectCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RectifyDataSubjectCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'rectifyDataSubject', await escalationParties(this.runner, data.escalationId));
    // Sealing under a new key version is declared on the event type (newKeyVersion), not done here.
    return this.runner.run(Escalation, data.escalationId, { type: 'rectify-data-subject', data }, ctx);
  }
}

@ApiTags('escalations', 'personal-data')
@Controller('escalations')
export class RectifyDataSubjectController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/data-subjects/:subjectId/rectification')
  @CommandRoute(200, 'escalations:manage', {
    operationId: 'rectifyDataSubject',
    summary:
      "Correct a named person's name or date of birth (UK GDPR rectification): sealed under a new key version, so the wrong value can then be erased alone",
  })
  rectify(
    @RecordId('escalationId') escalationId: string,
    @RecordId('subjectId') subjectId: string,
    @Body() dto: RectifyDataSubjectDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { name, dateOfBirth, reason } = dto;
    return this.commands.execute(
      new RectifyDataSubjectCommand(
        {
          escalationId,
          subjectId,
          reason,
          ...(name !== undefined ? { name } : {}),
          ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
        },
        ctx,
      ),
    );
  }
}
