import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class AddAgendaItemCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; itemNumber: number; label?: string; title: string; presenterPersonId?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
