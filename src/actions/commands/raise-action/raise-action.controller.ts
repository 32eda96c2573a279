import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { toOwners } from '../action-owner.dto';
import { RaiseActionCommand } from './raise-action.command';
import { RaiseActionDto } from './raise-action.dto';

@ApiTags('actions')
@Controller('actions')
export class RaiseActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('actions:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'raiseAction',
    summary: 'Raise an action from a meeting agenda item, with owners and a due date or target meeting',
  })
  raise(@Body() dto: RaiseActionDto, @Ctx() ctx: CommandContext) {
    const { actionId, meetingId, itemNumber, text, dueDate, targetMeetingId } = dto;
    return this.commands.execute(
      new RaiseActionCommand(
        { actionId, meetingId, itemNumber, text, owners: toOwners(dto.owners), dueDate, targetMeetingId },
        ctx,
      ),
    );
  }
}
