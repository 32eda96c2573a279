import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CompleteActionCommand } from './complete-action.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CompleteActionDto extends CommandDto {
  @IsText(4000, 'What was done', true)
  note?: string;
}

@ApiTags('actions')
@Controller('actions')
export class CompleteActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/complete')
  @HttpCode(200)
  @Requires('actions:update')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'completeAction',
    summary: 'Report an open action as actioned (representatives and members: actions their own agency owns)',
  })
  complete(@RecordId('actionId') actionId: string, @Body() dto: CompleteActionDto, @Ctx() ctx: CommandContext) {
    const { note } = dto;
    return this.commands.execute(new CompleteActionCommand({ actionId, note }, ctx));
  }
}
