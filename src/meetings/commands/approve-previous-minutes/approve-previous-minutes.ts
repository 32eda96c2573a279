import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { MINUTES_OUTCOMES, type MinutesOutcome, Meeting, type MeetingCommand } from '../../domain/meeting';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';

export class ApprovePreviousMinutesDto extends CommandDto {
  @IsRecordId('An earlier meeting of the same board', 'worcs-scb-2018-12-05')
  previousMeetingId!: string;

  @ApiProperty({ enum: MINUTES_OUTCOMES })
  @IsIn(MINUTES_OUTCOMES)
  outcome!: MinutesOutcome;

  @ApiPropertyOptional({
    type: [String],
    description: "Required when the outcome is 'amended'",
    maxItems: 50,
    example: ['Early Help teams work in six districts, not two'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  @LongText()
  amendments?: string[];
}

export class ApprovePreviousMinutesCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'approve-previous-minutes', 'previous'>
> {}

@CommandHandler(ApprovePreviousMinutesCommand)
export class ApprovePreviousMinutesHandler implements ICommandHandler<ApprovePreviousMinutesCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ApprovePreviousMinutesCommand) {
    // The decider checks the previous meeting is an earlier one of the same board: hand it those facts.
    const { state } = await this.runner.load(Meeting, data.previousMeetingId);
    const previous = { exists: state.exists, boardId: state.boardId, scheduledFor: state.scheduledFor };
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'approve-previous-minutes', data: { ...data, previous } },
      ctx,
    );
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class ApprovePreviousMinutesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/previous-minutes-approval')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'approvePreviousMinutes',
    summary: "Record that this meeting approved an earlier meeting's minutes, as accurate or with amendments",
  })
  approve(
    @RecordId('meetingId') meetingId: string,
    @Body() dto: ApprovePreviousMinutesDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { previousMeetingId, outcome, amendments } = dto;
    return this.commands.execute(
      new ApprovePreviousMinutesCommand({ meetingId, previousMeetingId, outcome, amendments }, ctx),
    );
  }
}
