import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsOptional, IsString, Length } from 'class-validator';
import { AttendanceStatusDto } from '../record-attendance/attendance-entry.dto';
import { LongText } from '../../../http/text-hygiene';
import { Meeting, type MeetingCommand, type RegisteredFacts } from '../../domain/meeting';
import { registeredFacts } from '../record-attendance/registered-facts';
import type { CommandData } from '../../../ledger/aggregate';

/** The person's corrected line (the person is in the path); the previous line stays in the ledger. */
export class CorrectAttendanceDto extends AttendanceStatusDto {
  @ApiPropertyOptional({ example: 'Apologies were sent before the meeting', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}

export class CorrectAttendanceCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'correct-attendance', keyof RegisteredFacts>
> {}

@CommandHandler(CorrectAttendanceCommand)
export class CorrectAttendanceHandler implements ICommandHandler<CorrectAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: CorrectAttendanceCommand) {
    const facts = await registeredFacts(this.runner, [data.entry]);
    return this.runner.run(Meeting, data.meetingId, { type: 'correct-attendance', data: { ...data, ...facts } }, ctx);
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class CorrectAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/attendance/:personId/correction')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'correctAttendance',
    summary: "Correct one person's attendance line before the meeting is closed",
  })
  correct(
    @RecordId('meetingId') meetingId: string,
    @RecordId('personId') personId: string,
    @Body() dto: CorrectAttendanceDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { status, deputisingForPersonId, representingPartnerId, reason } = dto;
    return this.commands.execute(
      new CorrectAttendanceCommand(
        { meetingId, entry: { personId, status, deputisingForPersonId, representingPartnerId }, reason },
        ctx,
      ),
    );
  }
}
