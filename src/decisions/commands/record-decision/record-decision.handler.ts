import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Decision, type DecisionCommand, type RecordDecisionFacts } from '../../domain/decision';
import { Meeting } from '../../../meetings';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<DecisionCommand, 'record-decision', keyof RecordDecisionFacts>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordDecisionCommand) {
    // The meeting and the partners are other aggregates: read them and hand the facts to the pure decider.
    const { state } = await this.runner.load(Meeting, data.meetingId);
    const partnerIds = data.responsiblePartnerIds ?? [];
    const registered = await Promise.all(partnerIds.map((id) => this.runner.exists('partner', id)));
    const meeting = { exists: state.exists, closed: state.closed, itemNumbers: Object.keys(state.items).map(Number) };
    const unregisteredPartnerIds = partnerIds.filter((_, i) => !registered[i]);
    return this.runner.run(
      Decision,
      data.decisionId,
      { type: 'record-decision', data: { ...data, meeting, unregisteredPartnerIds } },
      ctx,
    );
  }
}
