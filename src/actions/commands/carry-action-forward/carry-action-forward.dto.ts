import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { IsText } from '../action-fields';

export class CarryActionForwardDto extends CommandDto {
  @IsRecordId('The later meeting the action is now due back at (recorded first)', 'wseb-2022-07')
  toMeetingId!: string;

  @IsText(4000, 'Why it is carried forward, or what was reported', true)
  note?: string;
}
