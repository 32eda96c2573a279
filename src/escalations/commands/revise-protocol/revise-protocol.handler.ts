import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { type ProtocolStage, EscalationProtocol } from '../../domain/escalation-protocol';

export class ReviseProtocolCommand extends Command<CommandResult> {
  constructor(
    readonly data: { protocolId: string; name?: string; stages: ProtocolStage[]; reason?: string },
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
