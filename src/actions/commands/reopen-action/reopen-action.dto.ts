import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class ReopenActionDto extends CommandDto {
  @IsText(1000, 'Why the action is not done after all')
  reason!: string;
}
