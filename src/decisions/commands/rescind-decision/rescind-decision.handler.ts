import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Decision } from '../../domain/decision';
import { RescindDecisionCommand } from './rescind-decision.command';

@CommandHandler(RescindDecisionCommand)
export class RescindDecisionHandler implements ICommandHandler<RescindDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RescindDecisionCommand) {
    return this.runner.run(Decision, data.decisionId, { type: 'rescind-decision', data }, ctx);
  }
}
