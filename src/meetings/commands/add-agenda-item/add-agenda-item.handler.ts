import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Person } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class AddAgendaItemCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'add-agenda-item', 'presenterRegistered'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AddAgendaItemCommand) {
    // A presenter is a person aggregate: read whether they exist and hand the fact to the decider.
    const presenterRegistered =
      data.presenterPersonId === undefined
        ? undefined
        : await this.runner.exists(Person.category, data.presenterPersonId);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'add-agenda-item', data: { ...data, presenterRegistered } },
      ctx,
    );
  }
}
