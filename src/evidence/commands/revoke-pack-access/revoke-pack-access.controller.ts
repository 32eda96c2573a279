import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { RevokePackAccessCommand } from './revoke-pack-access.command';
import { RevokePackAccessDto } from './revoke-pack-access.dto';

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class RevokePackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants/:inspectorUserId/revoke')
  @HttpCode(200)
  @Requires('packs:grant')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'revokeEvidencePackAccess',
    summary: "End a named inspector's access to a pack now, with a reason",
  })
  revoke(
    @Param('packId', IdPipe) packId: string,
    @Param('inspectorUserId', IdPipe) inspectorUserId: string,
    @Body() dto: RevokePackAccessDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RevokePackAccessCommand({ packId, inspectorUserId, reason: dto.reason }, ctx));
  }
}
