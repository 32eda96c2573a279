import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class CarryActionForwardCommand extends Command<CommandResult> {
  constructor(
    readonly data: { actionId: string; toMeetingId: string; note?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
