import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { ScheduleMeetingDto } from './schedule-meeting.dto';

@ApiTags('meetings')
@Controller('meetings')
export class ScheduleMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('meetings:record')
  @CommandEndpoint(201)
  @ApiOperation({ operationId: 'scheduleMeeting', summary: 'Schedule a meeting of a board' })
  schedule(@Body() dto: ScheduleMeetingDto, @Ctx() ctx: CommandContext) {
    const { meetingId, boardId, scheduledFor, title, location } = dto;
    return this.commands.execute(
      new ScheduleMeetingCommand({ meetingId, boardId, scheduledFor, title, location }, ctx),
    );
  }
}
