import { ApiPropertyOptional } from '@nestjs/swagger';
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
