import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { Board } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class ScheduleMeetingDto extends CommandDto {
  @IsRecordId('Stable meeting id, e.g. board and date', 'wseb-2022-05-10')
  meetingId!: string;

  @IsRecordId('The board that meets (registered first)', 'wseb')
  boardId!: string;

  @ApiProperty({ description: 'When the meeting is held, ISO-8601 date-time', example: '2022-05-10T10:30:00+01:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  scheduledFor!: string;

  @ApiPropertyOptional({ example: 'Warwickshire Safeguarding Executive Board', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ example: 'Microsoft Teams', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  location?: string;
}

export class ScheduleMeetingCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'schedule-meeting', 'boardExists'>
> {}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ScheduleMeetingCommand) {
    // The board is another aggregate: read it and hand the fact to the pure decider.
    const board = await this.runner.load(Board, data.boardId);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'schedule-meeting', data: { ...data, boardExists: board.state.exists } },
      ctx,
    );
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class ScheduleMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'meetings:record', { operationId: 'scheduleMeeting', summary: 'Schedule a meeting of a board' })
  schedule(@Body() dto: ScheduleMeetingDto, @Ctx() ctx: CommandContext) {
    const { meetingId, boardId, scheduledFor, title, location } = dto;
    return this.commands.execute(
      new ScheduleMeetingCommand({ meetingId, boardId, scheduledFor, title, location }, ctx),
    );
  }
}
