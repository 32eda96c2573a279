import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { RecordResponseCommand } from './record-response.command';
import { personalNote } from '../data-subject.dto';
import { RecordResponseDto } from './record-response.dto';

@ApiTags('escalations')
@Controller('escalations')
export class RecordResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/responses')
  @HttpCode(200)
  @Requires('escalations:respond')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'recordEscalationResponse',
    summary: "Record a party's response at the current stage (representatives: as their own agency, either party)",
  })
  respond(
    @Param('escalationId', IdPipe) escalationId: string,
    @Body() dto: RecordResponseDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { respondingAgency, response } = dto;
    return this.commands.execute(
      new RecordResponseCommand({ escalationId, respondingAgency, response, ...personalNote(dto.personalNote) }, ctx),
    );
  }
}
