import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { AttendanceEntryDto } from './attendance-entry.dto';
import { Meeting, type MeetingCommand, type RegisteredFacts } from '../../domain/meeting';
import { registeredFacts } from './registered-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordAttendanceDto extends CommandDto {
  @ApiProperty({
    type: [AttendanceEntryDto],
    description: 'Attendance lines; one per person (an identical line sent again is ignored)',
    minItems: 1,
    maxItems: 200,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class RecordAttendanceCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'record-attendance', keyof RegisteredFacts>
> {}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordAttendanceCommand) {
    const facts = await registeredFacts(this.runner, data.entries);
    return this.runner.run(Meeting, data.meetingId, { type: 'record-attendance', data: { ...data, ...facts } }, ctx);
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class RecordAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/attendance')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'recordAttendance',
    summary: 'Record attendance lines (present, apologies, deputising...) for a meeting',
  })
  record(@RecordId('meetingId') meetingId: string, @Body() dto: RecordAttendanceDto, @Ctx() ctx: CommandContext) {
    const entries = dto.entries.map(({ personId, status, deputisingForPersonId, representingPartnerId }) => ({
      personId,
      status,
      deputisingForPersonId,
      representingPartnerId,
    }));
    return this.commands.execute(new RecordAttendanceCommand({ meetingId, entries }, ctx));
  }
}
