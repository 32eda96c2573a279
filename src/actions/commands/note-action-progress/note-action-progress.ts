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

export class NoteActionProgressDto extends CommandDto {
  @IsText(4000, 'What has happened since the action was raised or last updated')
  note!: string;
}

export class NoteActionProgressCommand extends LedgerCommand<CommandData<ActionCommand, 'note-action-progress'>> {}

@CommandHandler(NoteActionProgressCommand)
export class NoteActionProgressHandler implements ICommandHandler<NoteActionProgressCommand> {
  constructor(private readonly ownership: ActionOwnership) {}

  // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
  execute({ data, ctx }: NoteActionProgressCommand) {
    return this.ownership.change('noteActionProgress', { type: 'note-action-progress', data }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class NoteActionProgressController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/progress')
  @CommandRoute(200, 'actions:update', {
    operationId: 'noteActionProgress',
    summary:
      'Note progress on an open action (e.g. as reported in the action log); representatives and members: actions their own agency owns',
  })
  noteProgress(@RecordId('actionId') actionId: string, @Body() dto: NoteActionProgressDto, @Ctx() ctx: CommandContext) {
    const { note } = dto;
    return this.commands.execute(new NoteActionProgressCommand({ actionId, note }, ctx));
  }
}
