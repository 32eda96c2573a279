import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { ActionOwner } from '../../domain/action-owner';

export interface RaiseActionData {
  actionId: string;
  meetingId: string;
  itemNumber: number;
  text: string;
  owners: ActionOwner[];
  dueDate?: string;
  targetMeetingId?: string;
}

export class RaiseActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: RaiseActionData,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
