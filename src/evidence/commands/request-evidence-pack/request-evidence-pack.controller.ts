import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RequestEvidencePackCommand } from './request-evidence-pack.command';
import { RequestEvidencePackDto } from './request-evidence-pack.dto';

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class RequestEvidencePackController {
  constructor(private readonly commands: CommandBus) {}

  /** 202, not 201: the request is recorded now, the pack is built by a job; poll GET /evidence-packs/:packId. */
  @Post()
  @HttpCode(202)
  @Requires('packs:request')
  @CommandEndpoint()
  @ApiAcceptedResponse({ description: '{ packId, status: "queued", revision }: recorded and queued for building' })
  @ApiOperation({
    operationId: 'requestEvidencePack',
    summary:
      'Request an evidence pack for a period, boards, partners, themes and kinds of record; it is built in the background',
  })
  async request(@Body() dto: RequestEvidencePackDto, @Ctx() ctx: CommandContext) {
    const { packId, scope: s } = dto;
    const scope = {
      from: s.from,
      to: s.to,
      boardIds: s.boardIds ?? [],
      partnerIds: s.partnerIds ?? [],
      themes: s.themes ?? [],
      records: s.records,
    };
    const result = await this.commands.execute(new RequestEvidencePackCommand({ packId, scope }, ctx));
    return { packId, status: 'queued' as const, revision: result.revision };
  }
}
