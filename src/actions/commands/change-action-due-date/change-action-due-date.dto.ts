import { CommandDto } from '../../../http/command.dto';
import { IsDueDate, IsText } from '../action-fields';

export class ChangeActionDueDateDto extends CommandDto {
  @IsDueDate('The new due date')
  dueDate!: string;

  @IsText(1000, 'Why the date moves')
  reason!: string;
}
