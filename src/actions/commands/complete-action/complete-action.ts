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
import { IsText } from '../action-fields';
import { ActionOwnership } from '../action-ownership';
import type { ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class CompleteActionDto extends CommandDto {
  @IsText(4000, 'What was done', true)
  note?: string;
}

export class CompleteActionCommand extends LedgerCommand<CommandData<ActionCommand, 'complete-action'>> {}

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: CompleteActionCommand) {
    return this.ownership.change('completeAction', { type: 'complete-action', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class CompleteActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/complete')
  @CommandRoute(200, 'actions:update', {
    operationId: 'completeAction',
    summary: 'Report an open action as actioned (representatives and members: actions their own agency owns)',
  })
  complete(@RecordId('actionId') actionId: string, @Body() dto: CompleteActionDto, @Ctx() ctx: CommandContext) {
    const { note } = dto;
    return this.commands.execute(new CompleteActionCommand({ actionId, note }, ctx));
  }
}
