import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
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

export class CloseActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'close-action'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'closeAction', summary: 'Close an actioned action; an open one only with the reason' })
  close(@RecordId('actionId') actionId: string, @Body() dto: CloseActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new CloseActionCommand({ actionId, reason }, ctx));
  }
}
