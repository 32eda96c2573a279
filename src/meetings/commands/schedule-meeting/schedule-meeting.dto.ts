import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

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
