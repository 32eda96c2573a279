import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CorrectAttendanceCommand } from './correct-attendance.handler';
import { IsOptional, IsString, Length } from 'class-validator';
import { AttendanceStatusDto } from '../record-attendance/attendance-entry.dto';
import { LongText } from '../../../http/text-hygiene';

/** The person's corrected line (the person is in the path); the previous line stays in the ledger. */
export class CorrectAttendanceDto extends AttendanceStatusDto {
  @ApiPropertyOptional({ example: 'Apologies were sent before the meeting', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}

@ApiTags('meetings')
@Controller('meetings')
export class CorrectAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/attendance/:personId/correction')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'correctAttendance',
    summary: "Correct one person's attendance line before the meeting is closed",
  })
  correct(
    @RecordId('meetingId') meetingId: string,
    @RecordId('personId') personId: string,
    @Body() dto: CorrectAttendanceDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { status, deputisingForPersonId, representingPartnerId, reason } = dto;
    return this.commands.execute(
      new CorrectAttendanceCommand(
        { meetingId, entry: { personId, status, deputisingForPersonId, representingPartnerId }, reason },
        ctx,
      ),
    );
  }
}
