import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { CancelActionCommand } from './cancel-action.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsText } from '../action-fields';

export class CancelActionDto extends CommandDto {
  @IsText(1000, 'Why the action is no longer needed')
  reason!: string;
}

@ApiTags('actions')
@Controller('actions')
export class CancelActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/cancel')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'cancelAction', summary: 'Cancel an action that is not closed (final)' })
  cancel(@RecordId('actionId') actionId: string, @Body() dto: CancelActionDto, @Ctx() ctx: CommandContext) {
    const { reason } = dto;
    return this.commands.execute(new CancelActionCommand({ actionId, reason }, ctx));
  }
}
