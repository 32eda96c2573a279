import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

export class RevokePackAccessDto extends CommandDto {
  @ApiProperty({ example: 'Inspection fieldwork finished', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}

export class RevokePackAccessCommand extends LedgerCommand<
  CommandData<EvidencePackCommand, 'revoke-pack-access', 'now'>
> {}

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

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class RevokePackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants/:inspectorUserId/revoke')
  @CommandRoute(200, 'packs:grant', {
    operationId: 'revokeEvidencePackAccess',
    summary: "End a named inspector's access to a pack now, with a reason",
  })
  revoke(
    @RecordId('packId') packId: string,
    @RecordId('inspectorUserId') inspectorUserId: string,
    @Body() dto: RevokePackAccessDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RevokePackAccessCommand({ packId, inspectorUserId, reason: dto.reason }, ctx));
  }
}
