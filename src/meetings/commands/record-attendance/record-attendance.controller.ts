import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { RecordAttendanceCommand } from './record-attendance.command';
import { RecordAttendanceDto } from './record-attendance.dto';

@ApiTags('meetings')
@Controller('meetings')
export class RecordAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/attendance')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'recordAttendance',
    summary: 'Record attendance lines (present, apologies, deputising...) for a meeting',
  })
  record(@Param('meetingId', IdPipe) meetingId: string, @Body() dto: RecordAttendanceDto, @Ctx() ctx: CommandContext) {
    const entries = dto.entries.map(({ personId, status, deputisingForPersonId, representingPartnerId }) => ({
      personId,
      status,
      deputisingForPersonId,
      representingPartnerId,
    }));
    return this.commands.execute(new RecordAttendanceCommand({ meetingId, entries }, ctx));
  }
}
