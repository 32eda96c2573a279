import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { EscalationProtocol, type EscalationProtocolCommand } from '../../domain/escalation-protocol';
import type { CommandData } from '../../../ledger/aggregate';

export class DefineProtocolCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationProtocolCommand, 'define-escalation-protocol'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DefineProtocolCommand)
export class DefineProtocolHandler implements ICommandHandler<DefineProtocolCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: DefineProtocolCommand) {
    return this.runner.run(EscalationProtocol, data.protocolId, { type: 'define-escalation-protocol', data }, ctx);
  }
}
