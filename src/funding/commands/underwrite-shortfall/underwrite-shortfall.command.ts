import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { UnderwriteShortfallData } from '../../domain/budget';

export class UnderwriteShortfallCommand extends Command<CommandResult> {
  constructor(
    readonly data: Omit<UnderwriteShortfallData, 'unregisteredPartnerIds'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
