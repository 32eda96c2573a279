import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { DataSubject, type DataSubjectCommand } from '../../domain/data-subject';
import { PersonalDataCipher } from '../../personal-data-cipher';
import type { CommandData } from '../../../ledger/aggregate';

export class EraseDataSubjectCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<DataSubjectCommand, 'erase-data-subject', 'liveVersions'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EraseDataSubjectCommand)
export class EraseDataSubjectHandler implements ICommandHandler<EraseDataSubjectCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ data, ctx }: EraseDataSubjectCommand) {
    // The live key versions are a fact of the key store, handed to the decider like another aggregate's state.
    const result = await this.runner.run(
      DataSubject,
      data.subjectId,
      { type: 'erase-data-subject', data: { ...data, liveVersions: this.cipher.liveVersions(data.subjectId) } },
      ctx,
    );
    // Keys are destroyed only AFTER the erasure is recorded: a refused or stale command (412) destroys nothing.
    // The recorded event is the durable instruction: an idempotent retry lands here again, and PrivacyModule
    // re-applies every recorded erasure at start, so a crash between append and destroy cannot leave a key behind.
    const recorded = await this.runner.load(DataSubject, data.subjectId);
    for (const v of recorded.state.erasedVersions) this.cipher.erase(data.subjectId, v);
    return result;
  }
}
