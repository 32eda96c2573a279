import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CloseActionDto extends CommandDto {
  @IsText(1000, 'Required to close an action that was not actioned', true)
  reason?: string;
}
