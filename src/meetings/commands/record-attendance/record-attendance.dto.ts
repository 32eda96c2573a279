import { ApiProperty } from '@nestjs/swagger';
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
