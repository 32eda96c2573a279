import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../../auth/requires.decorator';
import { Ctx } from '../../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../../http/command-responses';
import type { CommandContext } from '../../../command-runner';
import { RecordLedgerDigestCommand } from './record-ledger-digest.command';
import { RecordLedgerDigestDto } from './record-ledger-digest.dto';

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
