import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { ApprovePreviousMinutesCommand } from './approve-previous-minutes.command';
import { ApprovePreviousMinutesDto } from './approve-previous-minutes.dto';

@ApiTags('meetings')
@Controller('meetings')
export class ApprovePreviousMinutesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/previous-minutes-approval')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'approvePreviousMinutes',
    summary: "Record that this meeting approved an earlier meeting's minutes, as accurate or with amendments",
  })
  approve(
    @Param('meetingId', IdPipe) meetingId: string,
    @Body() dto: ApprovePreviousMinutesDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { previousMeetingId, outcome, amendments } = dto;
    return this.commands.execute(
      new ApprovePreviousMinutesCommand({ meetingId, previousMeetingId, outcome, amendments }, ctx),
    );
  }
}
