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

export class CloseActionDto extends CommandDto {
  @IsText(1000, 'Required to close an action that was not actioned', true)
  reason?: string;
}

export class CloseActionCommand extends LedgerCommand<CommandData<ActionCommand, 'close-action'>> {}

@CommandHandler(CloseActionCommand)
export class CloseActionHandler implements ICommandHandler<CloseActionCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: CloseActionCommand) {
    return this.ownership.change('closeAction', { type: 'close-action', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class CloseActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/close')
  @CommandRoute(200, 'actions:manage', {
    operationId: 'closeAction',
    summary: 'Close an actioned action; an open one only with the reason',
  })
  close(@RecordId('actionId') actionId: string, @Body() dto: CloseActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new CloseActionCommand({ actionId, reason }, ctx));
  }
}
