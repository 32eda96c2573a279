import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { CarryActionForwardCommand } from './carry-action-forward.command';
import { CarryActionForwardDto } from './carry-action-forward.dto';

@ApiTags('actions')
@Controller('actions')
export class CarryActionForwardController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/carry-forward')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'carryActionForward',
    summary: 'Carry an open action forward to a later meeting (each time is counted)',
  })
  carryForward(
    @Param('actionId', IdPipe) actionId: string,
    @Body() dto: CarryActionForwardDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { toMeetingId, note } = dto;
    return this.commands.execute(new CarryActionForwardCommand({ actionId, toMeetingId, note }, ctx));
  }
}
