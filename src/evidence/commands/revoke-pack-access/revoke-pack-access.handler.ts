import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

export class RevokePackAccessCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EvidencePackCommand, 'revoke-pack-access', 'now'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Only an active grant can be revoked; whether it has expired is judged by the server's clock. */
@CommandHandler(RevokePackAccessCommand)
export class RevokePackAccessHandler implements ICommandHandler<RevokePackAccessCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, ctx }: RevokePackAccessCommand) {
    const now = this.clock.now().toISOString();
    return this.runner.run(EvidencePack, data.packId, { type: 'revoke-pack-access', data: { ...data, now } }, ctx);
  }
}
