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

export class CancelActionDto extends CommandDto {
  @IsText(1000, 'Why the action is no longer needed')
  reason!: string;
}

export class CancelActionCommand extends LedgerCommand<CommandData<ActionCommand, 'cancel-action'>> {}

@CommandHandler(CancelActionCommand)
export class CancelActionHandler implements ICommandHandler<CancelActionCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: CancelActionCommand) {
    return this.ownership.change('cancelAction', { type: 'cancel-action', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class CancelActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/cancel')
  @CommandRoute(200, 'actions:manage', {
    operationId: 'cancelAction',
    summary: 'Cancel an action that is not closed (final)',
  })
  cancel(@RecordId('actionId') actionId: string, @Body() dto: CancelActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new CancelActionCommand({ actionId, reason }, ctx));
  }
}
