import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../../auth/requires.decorator';
import { Ctx } from '../../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../../http/command-responses';
import type { CommandContext } from '../../../command-runner';
import { RecordLedgerDigestCommand } from './record-ledger-digest.handler';
import { CommandDto } from '../../../../http/command.dto';

/**
 * No fields of its own: the digest is computed from the log, never taken from the body. occurredAt
 * (from CommandDto) may only be now: a backdated digest is refused (digest-backdated).
 */
export class RecordLedgerDigestDto extends CommandDto {}

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
