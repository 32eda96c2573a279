import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { SignoffRequest } from '../../domain/signoff';

export class RequestSignoffCommand extends Command<CommandResult> {
  constructor(
    readonly data: SignoffRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
