import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { AreOwners, IsDueDate, IsOptionalRecordId, IsText } from '../action-fields';
import type { OwnerDto } from '../action-owner.dto';

export class RaiseActionDto extends CommandDto {
  @IsRecordId('Stable id of the new action', 'wseb-2022-05-10-a1')
  actionId!: string;

  @IsRecordId('The meeting that raised the action (recorded first)', 'wseb-2022-05-10')
  meetingId!: string;

  @ApiProperty({
    description: 'The agenda item of that meeting the action comes from',
    example: 3,
    minimum: 1,
    maximum: 999,
  })
  @IsInt()
  @Min(1)
  @Max(999)
  itemNumber!: number;

  @IsText(2000, 'What is to be done, as the minutes record it')
  text!: string;

  @AreOwners()
  owners!: OwnerDto[];

  @IsDueDate('Give a due date, a target meeting or both', true)
  dueDate?: string;

  @IsOptionalRecordId('The later meeting the action is due back at (recorded first)', 'wseb-2022-06-07')
  targetMeetingId?: string;
}
