import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../command-runner';
import { LedgerDigest } from '../../ledger-digest';
import { LogHeadDigester } from '../../log-head-digester';

/** Record a signed digest of the log head now: on demand (an admin) or on schedule (the system actor). */
export class RecordLedgerDigestCommand extends Command<CommandResult> {
  constructor(readonly ctx: CommandContext) {
    super();
  }
}

@CommandHandler(RecordLedgerDigestCommand)
export class RecordLedgerDigestHandler implements ICommandHandler<RecordLedgerDigestCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly digester: LogHeadDigester,
  ) {}

  async execute({ ctx }: RecordLedgerDigestCommand) {
    // The facts the decider needs: the log head, hashed and signed as of now.
    const digest = await this.digester.sign();
    return this.runner.run(LedgerDigest, digest.digestId, { type: 'record-ledger-digest', data: digest }, ctx);
  }
}
