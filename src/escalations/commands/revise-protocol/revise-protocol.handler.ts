import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { EscalationProtocol, type EscalationProtocolCommand } from '../../domain/escalation-protocol';
import type { CommandData } from '../../../ledger/aggregate';

export class ReviseProtocolCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationProtocolCommand, 'revise-escalation-protocol'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseProtocolCommand)
export class ReviseProtocolHandler implements ICommandHandler<ReviseProtocolCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseProtocolCommand) {
    return this.runner.run(EscalationProtocol, data.protocolId, { type: 'revise-escalation-protocol', data }, ctx);
  }
}
