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

export class ReopenActionDto extends CommandDto {
  @IsText(1000, 'Why the action is not done after all')
  reason!: string;
}

export class ReopenActionCommand extends LedgerCommand<CommandData<ActionCommand, 'reopen-action'>> {}

@CommandHandler(ReopenActionCommand)
export class ReopenActionHandler implements ICommandHandler<ReopenActionCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: ReopenActionCommand) {
    return this.ownership.change('reopenAction', { type: 'reopen-action', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class ReopenActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/reopen')
  @CommandRoute(200, 'actions:manage', { operationId: 'reopenAction', summary: 'Reopen an actioned or closed action' })
  reopen(@RecordId('actionId') actionId: string, @Body() dto: ReopenActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new ReopenActionCommand({ actionId, reason }, ctx));
  }
}
