import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { ReviseSignoffArtefactCommand } from './revise-signoff-artefact.command';
import { ReviseSignoffArtefactDto } from './revise-signoff-artefact.dto';

@ApiTags('signoffs')
@Controller('signoffs')
export class ReviseSignoffArtefactController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/revise')
  @HttpCode(200)
  @Requires('signoffs:request')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'reviseSignoffArtefact',
    summary: 'Put a new artefact version up for sign-off: every earlier signature stops counting',
  })
  revise(
    @Param('signoffId', IdPipe) signoffId: string,
    @Body() dto: ReviseSignoffArtefactDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { version, contentHash } = dto;
    return this.commands.execute(new ReviseSignoffArtefactCommand({ signoffId, version, contentHash }, ctx));
  }
}
