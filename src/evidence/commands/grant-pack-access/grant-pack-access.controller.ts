import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { GrantPackAccessCommand } from './grant-pack-access.command';
import { GrantPackAccessDto } from './grant-pack-access.dto';

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class GrantPackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants')
  @HttpCode(200)
  @Requires('packs:grant')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'grantEvidencePackAccess',
    summary: 'Let one named inspector list and download a completed pack until a time',
  })
  grant(@Param('packId', IdPipe) packId: string, @Body() dto: GrantPackAccessDto, @Ctx() ctx: CommandContext) {
    const { inspectorUserId, expiresAt } = dto;
    return this.commands.execute(
      new GrantPackAccessCommand({ packId, inspectorUserId, expiresAt: new Date(expiresAt).toISOString() }, ctx),
    );
  }
}
