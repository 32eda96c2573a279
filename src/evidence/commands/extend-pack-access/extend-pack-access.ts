import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsString, Length } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { LongText } from '../../../http/text-hygiene';
import { CLOCK, type Clock } from '../../../shared/clock';
import type { CommandData } from '../../../ledger/aggregate';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';

export class ExtendPackAccessDto extends CommandDto {
  @ApiProperty({
    example: '2023-01-31T17:00:00Z',
    description: 'When access now ends, ISO-8601; must be after the current expiry (to shorten it, revoke)',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt!: string;

  @ApiProperty({ example: 'Fieldwork extended to the end of January', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}

export class ExtendPackAccessCommand extends LedgerCommand<
  CommandData<EvidencePackCommand, 'extend-pack-access', 'now'>
> {}

/** Whether the grant is still active is judged by the server's clock, as for a revocation. */
@CommandHandler(ExtendPackAccessCommand)
export class ExtendPackAccessHandler implements ICommandHandler<ExtendPackAccessCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, ctx }: ExtendPackAccessCommand) {
    const now = this.clock.now().toISOString();
    return this.runner.run(EvidencePack, data.packId, { type: 'extend-pack-access', data: { ...data, now } }, ctx);
  }
}

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class ExtendPackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants/:inspectorUserId/extension')
  @CommandRoute(200, 'packs:grant', {
    operationId: 'extendEvidencePackAccess',
    summary: "Give a named inspector's active grant a later expiry, with a reason (recorded as revoke + grant)",
  })
  extend(
    @RecordId('packId') packId: string,
    @RecordId('inspectorUserId') inspectorUserId: string,
    @Body() dto: ExtendPackAccessDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { expiresAt, reason } = dto;
    return this.commands.execute(
      new ExtendPackAccessCommand(
        { packId, inspectorUserId, expiresAt: new Date(expiresAt).toISOString(), reason },
        ctx,
      ),
    );
  }
}
