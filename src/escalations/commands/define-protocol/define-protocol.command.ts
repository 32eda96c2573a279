import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { ProtocolStage } from '../../domain/escalation-protocol';

export class DefineProtocolCommand extends Command<CommandResult> {
  constructor(
    readonly data: { protocolId: string; name: string; stages: ProtocolStage[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
