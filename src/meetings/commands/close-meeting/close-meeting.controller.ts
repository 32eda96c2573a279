import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CloseMeetingCommand } from './close-meeting.handler';
import { CommandDto } from '../../../http/command.dto';

/** Closing takes only the business time: after it nothing more is recorded and there is no reopening. */
export class CloseMeetingDto extends CommandDto {}

@ApiTags('meetings')
@Controller('meetings')
export class CloseMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/close')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'closeMeeting',
    summary: 'Close the meeting record: nothing more can be recorded and it cannot be reopened',
  })
  // The body carries only the optional business time, which the context decorator reads.
  close(@RecordId('meetingId') meetingId: string, @Body() _dto: CloseMeetingDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CloseMeetingCommand({ meetingId }, ctx));
  }
}
