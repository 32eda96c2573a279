import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CompleteActionDto extends CommandDto {
  @IsText(4000, 'What was done', true)
  note?: string;
}
