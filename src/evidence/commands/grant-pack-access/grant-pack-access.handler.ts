import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

export class GrantPackAccessCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EvidencePackCommand, 'grant-pack-access', 'now'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The expiry is checked against the server's clock, not the body's occurredAt (which may be backdated). */
@CommandHandler(GrantPackAccessCommand)
export class GrantPackAccessHandler implements ICommandHandler<GrantPackAccessCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, ctx }: GrantPackAccessCommand) {
    const now = this.clock.now().toISOString();
    return this.runner.run(EvidencePack, data.packId, { type: 'grant-pack-access', data: { ...data, now } }, ctx);
  }
}
