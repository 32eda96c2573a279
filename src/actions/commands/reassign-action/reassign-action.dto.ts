import { CommandDto } from '../../../http/command.dto';
import { AreOwners, IsText } from '../action-fields';
import type { OwnerDto } from '../action-owner.dto';

export class ReassignActionDto extends CommandDto {
  @AreOwners()
  owners!: OwnerDto[];

  @IsText(1000, 'Why the owners change', true)
  reason?: string;
}
