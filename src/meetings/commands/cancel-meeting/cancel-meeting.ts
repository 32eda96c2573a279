import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsString, Length } from 'class-validator';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import { Meeting, type MeetingCommand } from '../../domain/meeting';

export class CancelMeetingDto extends CommandDto {
  @ApiProperty({
    description: 'Why the meeting will not take place (the minutes and the meeting record show it)',
    example: 'Not quorate: three partners sent apologies',
    maxLength: 1000,
  })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

export class CancelMeetingCommand extends LedgerCommand<CommandData<MeetingCommand, 'cancel-meeting'>> {}

@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler extends DeciderHandler(Meeting, 'cancel-meeting', (data) => data.meetingId) {}

@ApiTags('meetings')
@Controller('meetings')
export class CancelMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/cancel')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'cancelMeeting',
    summary: 'Cancel a meeting that has not been held, with the reason (nothing more is recorded against it)',
  })
  cancel(@RecordId('meetingId') meetingId: string, @Body() dto: CancelMeetingDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CancelMeetingCommand({ meetingId, reason: dto.reason }, ctx));
  }
}
