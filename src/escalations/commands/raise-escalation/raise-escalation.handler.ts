import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Partner, Person } from '../../../partners';
import { EscalationProtocol } from '../../domain/escalation-protocol';
import type { CommandData } from '../../../ledger/aggregate';

export class RaiseEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<
      EscalationCommand,
      'raise-escalation',
      'protocol' | 'raisedByAgencyRegistered' | 'concerningAgencyRegistered' | 'raisedByPersonRegistered'
    >,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RaiseEscalationCommand)
export class RaiseEscalationHandler implements ICommandHandler<RaiseEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RaiseEscalationCommand) {
    // An agency raises an escalation as itself, never in another agency's name (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'raiseEscalation', data);
    // The protocol and the partners are other aggregates: read them and hand the facts to the pure decider.
    // The protocol's current version and stages are copied in, so later revisions never change this escalation.
    const [protocol, raisedByAgencyRegistered, concerningAgencyRegistered, raisedByPersonRegistered] =
      await Promise.all([
        this.runner.load(EscalationProtocol, data.protocolId),
        this.runner.exists(Partner.category, data.raisedByAgency),
        this.runner.exists(Partner.category, data.concerningAgency),
        data.raisedByPersonId ? this.runner.exists(Person.category, data.raisedByPersonId) : true,
      ]);
    const { exists: defined, version, stages } = protocol.state;
    return this.runner.run(
      Escalation,
      data.escalationId,
      {
        type: 'raise-escalation',
        data: {
          ...data,
          protocol: { defined, version, stages },
          raisedByAgencyRegistered,
          concerningAgencyRegistered,
          raisedByPersonRegistered,
        },
      },
      ctx,
    );
  }
}
