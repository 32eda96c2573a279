import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { ReopenActionCommand } from './reopen-action.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class ReopenActionDto extends CommandDto {
  @IsText(1000, 'Why the action is not done after all')
  reason!: string;
}

@ApiTags('actions')
@Controller('actions')
export class ReopenActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/reopen')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'reopenAction', summary: 'Reopen an actioned or closed action' })
  reopen(@RecordId('actionId') actionId: string, @Body() dto: ReopenActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new ReopenActionCommand({ actionId, reason }, ctx));
  }
}
