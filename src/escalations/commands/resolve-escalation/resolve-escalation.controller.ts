import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { ResolveEscalationCommand } from './resolve-escalation.command';
import { ResolveEscalationDto } from './resolve-escalation.dto';

@ApiTags('escalations')
@Controller('escalations')
export class ResolveEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/resolve')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'resolveEscalation', summary: 'Resolve with an outcome at the current stage' })
  resolve(
    @Param('escalationId', IdPipe) escalationId: string,
    @Body() dto: ResolveEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { outcome, summary } = dto;
    return this.commands.execute(new ResolveEscalationCommand({ escalationId, outcome, summary }, ctx));
  }
}
