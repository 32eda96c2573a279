import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { EscalationProtocol } from '../../domain/escalation-protocol';
import { ReviseProtocolCommand } from './revise-protocol.command';

@CommandHandler(ReviseProtocolCommand)
export class ReviseProtocolHandler implements ICommandHandler<ReviseProtocolCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseProtocolCommand) {
    return this.runner.run(EscalationProtocol, data.protocolId, { type: 'revise-escalation-protocol', data }, ctx);
  }
}
