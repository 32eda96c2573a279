import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CarryActionForwardCommand } from './carry-action-forward.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { IsText } from '../action-fields';

export class CarryActionForwardDto extends CommandDto {
  @IsRecordId('The later meeting the action is now due back at (recorded first)', 'wseb-2022-07')
  toMeetingId!: string;

  @IsText(4000, 'Why it is carried forward, or what was reported', true)
  note?: string;
}

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
  carryForward(@RecordId('actionId') actionId: string, @Body() dto: CarryActionForwardDto, @Ctx() ctx: CommandContext) {
    const { toMeetingId, note } = dto;
    return this.commands.execute(new CarryActionForwardCommand({ actionId, toMeetingId, note }, ctx));
  }
}
