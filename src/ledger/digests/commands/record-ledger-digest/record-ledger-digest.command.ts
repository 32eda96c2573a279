import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../command-runner';

/** Record a signed digest of the log head now: on demand (an admin) or on schedule (the system actor). */
export class RecordLedgerDigestCommand extends Command<CommandResult> {
  constructor(readonly ctx: CommandContext) {
    super();
  }
}
