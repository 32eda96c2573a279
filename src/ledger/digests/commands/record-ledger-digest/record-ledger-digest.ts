import { Body, Controller, HttpCode } from '@nestjs/common';
import { Post } from '../../../../http/write-routes';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '../../../../shared/openapi/deferred-swagger';
import { Requires } from '../../../../auth/requires.decorator';
import { Ctx } from '../../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../../http/command-responses';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../command-runner';
import { CommandDto } from '../../../../http/command.dto';
import { LedgerDigest } from '../../ledger-digest';
import { LogHeadDigester } from '../../log-head-digester';

/**
 * No fields of its own: the digest is computed from the log, never taken from the body. occurredAt
 * (from CommandDto) may only be now: a backdated digest is refused (digest-backdated).
 */
export class RecordLedgerDigestDto extends CommandDto {}

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

@ApiTags('ledger')
@Controller('ledger/digests')
export class RecordLedgerDigestController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('ledger:digest')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'recordLedgerDigest',
    summary:
      'Sign and record a digest of the log head now (Ed25519 over position, event count and log hash); the id is head-<position>',
  })
  record(@Body() _dto: RecordLedgerDigestDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new RecordLedgerDigestCommand(ctx));
  }
}
