import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { RecordAttendanceCommand } from './record-attendance.handler';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { AttendanceEntryDto } from './attendance-entry.dto';

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
