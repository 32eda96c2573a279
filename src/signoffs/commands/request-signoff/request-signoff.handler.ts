import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Signoff, type SignoffCommand, type RequestSignoffFacts } from '../../domain/signoff';
import { Decision } from '../../../decisions';
import { Meeting } from '../../../meetings';
import type { CommandData } from '../../../ledger/aggregate';

export class RequestSignoffCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<SignoffCommand, 'request-signoff', keyof RequestSignoffFacts>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RequestSignoffCommand)
export class RequestSignoffHandler implements ICommandHandler<RequestSignoffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RequestSignoffCommand) {
    // Partners, meeting and decision are other aggregates: read them and hand the facts to the pure decider.
    const registered = await Promise.all(data.requiredPartnerIds.map((id) => this.runner.exists('partner', id)));
    const unregisteredPartnerIds = data.requiredPartnerIds.filter((_, i) => !registered[i]);
    const meetingExists =
      data.meetingId === undefined ? undefined : await this.runner.exists(Meeting.category, data.meetingId);
    const decisionExists =
      data.decisionId === undefined ? undefined : await this.runner.exists(Decision.category, data.decisionId);
    return this.runner.run(
      Signoff,
      data.signoffId,
      { type: 'request-signoff', data: { ...data, unregisteredPartnerIds, meetingExists, decisionExists } },
      ctx,
    );
  }
}
