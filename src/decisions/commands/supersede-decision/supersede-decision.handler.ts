import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Decision } from '../../domain/decision';
import { SupersedeDecisionCommand } from './supersede-decision.command';

@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SupersedeDecisionCommand) {
    // The superseding decision is another stream: the decider only needs to know it exists.
    const supersedingExists = await this.runner.exists(Decision.category, data.supersededByDecisionId);
    return this.runner.run(
      Decision,
      data.decisionId,
      { type: 'supersede-decision', data: { ...data, supersedingExists } },
      ctx,
    );
  }
}
