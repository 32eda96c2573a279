import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class NoteActionProgressDto extends CommandDto {
  @IsText(4000, 'What has happened since the action was raised or last updated')
  note!: string;
}
