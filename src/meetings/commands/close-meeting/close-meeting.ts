import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CommandDto } from '../../../http/command.dto';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

/** Closing takes only the business time: after it nothing more is recorded and there is no reopening. */
export class CloseMeetingDto extends CommandDto {}

export class CloseMeetingCommand extends LedgerCommand<CommandData<MeetingCommand, 'close-meeting'>> {}

@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler extends DeciderHandler(Meeting, 'close-meeting', (data) => data.meetingId) {}

@ApiTags('meetings')
@Controller('meetings')
export class CloseMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/close')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'closeMeeting',
    summary: 'Close the meeting record: nothing more can be recorded and it cannot be reopened',
  })
  // The body carries only the optional business time, which the context decorator reads.
  close(@RecordId('meetingId') meetingId: string, @Body() _dto: CloseMeetingDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CloseMeetingCommand({ meetingId }, ctx));
  }
}
