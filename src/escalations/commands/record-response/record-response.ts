import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsPersonalNote, personalNote, PersonalNoteDto } from '../data-subject.dto';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordResponseDto extends CommandDto {
  @IsRecordId('Partner id of the agency responding: one of the two parties to the escalation', 'cw-icb')
  respondingAgency!: string;

  @ApiProperty({
    description: "The agency's response. No names of children or families.",
    maxLength: 4000,
    example: 'A health assessment is booked within 10 working days.',
  })
  @IsString()
  @Length(1, 4000)
  @LongText()
  response!: string;

  @IsPersonalNote()
  personalNote?: PersonalNoteDto;
}

export class RecordResponseCommand extends LedgerCommand<
  CommandData<EscalationCommand, 'record-escalation-response'>
> {}

@CommandHandler(RecordResponseCommand)
export class RecordResponseHandler implements ICommandHandler<RecordResponseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RecordResponseCommand) {
    // Each party responds for itself (the decider refuses an agency that is not a party);
    // the secretariat may record either party's response (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'recordEscalationResponse', data);
    return this.runner.run(Escalation, data.escalationId, { type: 'record-escalation-response', data }, ctx);
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class RecordResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/responses')
  @CommandRoute(200, 'escalations:respond', {
    operationId: 'recordEscalationResponse',
    summary: "Record a party's response at the current stage (representatives: as their own agency, either party)",
  })
  respond(@RecordId('escalationId') escalationId: string, @Body() dto: RecordResponseDto, @Ctx() ctx: CommandContext) {
    const { respondingAgency, response } = dto;
    return this.commands.execute(
      new RecordResponseCommand({ escalationId, respondingAgency, response, ...personalNote(dto.personalNote) }, ctx),
    );
  }
}
