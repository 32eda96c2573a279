import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CommandDto } from '../../../http/command.dto';
import { IsDueDate, IsText } from '../action-fields';
import { ActionOwnership } from '../action-ownership';
import type { ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class ChangeActionDueDateDto extends CommandDto {
  @IsDueDate('The new due date')
  dueDate!: string;

  @IsText(1000, 'Why the date moves')
  reason!: string;
}

export class ChangeActionDueDateCommand extends LedgerCommand<CommandData<ActionCommand, 'change-action-due-date'>> {}

@CommandHandler(ChangeActionDueDateCommand)
export class ChangeActionDueDateHandler implements ICommandHandler<ChangeActionDueDateCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: ChangeActionDueDateCommand) {
    return this.ownership.change('changeActionDueDate', { type: 'change-action-due-date', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class ChangeActionDueDateController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/due-date')
  @CommandRoute(200, 'actions:manage', {
    operationId: 'changeActionDueDate',
    summary: 'Move the due date of an open action, with the reason',
  })
  changeDueDate(
    @RecordId('actionId') actionId: string,
    @Body() dto: ChangeActionDueDateDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { dueDate, reason } = dto;
    return this.commands.execute(new ChangeActionDueDateCommand({ actionId, dueDate, reason }, ctx));
  }
}
