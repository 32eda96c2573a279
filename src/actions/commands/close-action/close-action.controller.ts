import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CloseActionCommand } from './close-action.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CloseActionDto extends CommandDto {
  @IsText(1000, 'Required to close an action that was not actioned', true)
  reason?: string;
}

@ApiTags('actions')
@Controller('actions')
export class CloseActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/close')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'closeAction', summary: 'Close an actioned action; an open one only with the reason' })
  close(@RecordId('actionId') actionId: string, @Body() dto: CloseActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new CloseActionCommand({ actionId, reason }, ctx));
  }
}
