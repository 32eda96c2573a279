import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

export class GrantPackAccessDto extends CommandDto {
  @IsRecordId("The named inspector's user id (as in their token)", 'ofsted-hmi-jones')
  inspectorUserId!: string;

  @ApiProperty({
    example: '2022-12-31T17:00:00Z',
    description: 'When access ends, ISO-8601; must be after now. To change it, revoke and grant again.',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt!: string;
}

export class GrantPackAccessCommand extends LedgerCommand<
  CommandData<EvidencePackCommand, 'grant-pack-access', 'now'>
> {}

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

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class GrantPackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants')
  @CommandRoute(200, 'packs:grant', {
    operationId: 'grantEvidencePackAccess',
    summary: 'Let one named inspector list and download a completed pack until a time',
  })
  grant(@RecordId('packId') packId: string, @Body() dto: GrantPackAccessDto, @Ctx() ctx: CommandContext) {
    const { inspectorUserId, expiresAt } = dto;
    return this.commands.execute(
      new GrantPackAccessCommand({ packId, inspectorUserId, expiresAt: new Date(expiresAt).toISOString() }, ctx),
    );
  }
}
