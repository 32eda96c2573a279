import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import { Meeting, type MeetingCommand } from '../../domain/meeting';

export class ChangeMeetingLocationDto extends CommandDto {
  @ApiProperty({ description: 'Where the board will now meet', example: 'Shire Hall, Warwick', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  location!: string;

  @ApiPropertyOptional({ example: 'The committee room is being refurbished', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}

export class ChangeMeetingLocationCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'change-meeting-location'>
> {}

@CommandHandler(ChangeMeetingLocationCommand)
export class ChangeMeetingLocationHandler extends DeciderHandler(
  Meeting,
  'change-meeting-location',
  (data) => data.meetingId,
) {}

@ApiTags('meetings')
@Controller('meetings')
export class ChangeMeetingLocationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/location')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'changeMeetingLocation',
    summary: 'Move a meeting that has not yet been held to another location',
  })
  change(@RecordId('meetingId') meetingId: string, @Body() dto: ChangeMeetingLocationDto, @Ctx() ctx: CommandContext) {
    const { location, reason } = dto;
    return this.commands.execute(new ChangeMeetingLocationCommand({ meetingId, location, reason }, ctx));
  }
}
