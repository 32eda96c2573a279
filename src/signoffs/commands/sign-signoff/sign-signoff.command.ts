import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class SignSignoffCommand extends Command<CommandResult> {
  constructor(
    readonly data: { signoffId: string; partnerId: string; signedByPersonId?: string; conditions?: string[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
