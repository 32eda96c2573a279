import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CancelActionDto extends CommandDto {
  @IsText(1000, 'Why the action is no longer needed')
  reason!: string;
}
