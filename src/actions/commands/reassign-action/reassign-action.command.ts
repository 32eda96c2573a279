import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { ActionOwner } from '../../domain/action-owner';

export class ReassignActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { actionId: string; owners: ActionOwner[]; reason?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
