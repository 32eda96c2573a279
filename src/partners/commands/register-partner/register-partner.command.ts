import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PartnerKind } from '../../domain/partner';

export class RegisterPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: { partnerId: string; name: string; kind: PartnerKind; statutory?: boolean },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
