import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RequestSignoffCommand } from './request-signoff.command';
import { RequestSignoffDto } from './request-signoff.dto';

@ApiTags('signoffs')
@Controller('signoffs')
export class RequestSignoffController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('signoffs:request')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'requestSignoff',
    summary: 'Ask partners to sign off one version of an artefact (report, action plan, protocol...)',
  })
  request(@Body() dto: RequestSignoffDto, @Ctx() ctx: CommandContext) {
    const { signoffId, artefact: a, requiredPartnerIds, meetingId, decisionId } = dto;
    const artefact = {
      artefactId: a.artefactId,
      kind: a.kind,
      title: a.title,
      version: a.version,
      contentHash: a.contentHash,
    };
    return this.commands.execute(
      new RequestSignoffCommand({ signoffId, artefact, requiredPartnerIds, meetingId, decisionId }, ctx),
    );
  }
}
