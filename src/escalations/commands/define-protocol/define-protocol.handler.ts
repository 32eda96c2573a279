import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { EscalationProtocol } from '../../domain/escalation-protocol';
import { DefineProtocolCommand } from './define-protocol.command';

@CommandHandler(DefineProtocolCommand)
export class DefineProtocolHandler implements ICommandHandler<DefineProtocolCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: DefineProtocolCommand) {
    return this.runner.run(EscalationProtocol, data.protocolId, { type: 'define-escalation-protocol', data }, ctx);
  }
}
