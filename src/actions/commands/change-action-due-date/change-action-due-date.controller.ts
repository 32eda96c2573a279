import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { ChangeActionDueDateCommand } from './change-action-due-date.handler';
import { CommandDto } from '../../../http/command.dto';
import { IsDueDate, IsText } from '../action-fields';

export class ChangeActionDueDateDto extends CommandDto {
  @IsDueDate('The new due date')
  dueDate!: string;

  @IsText(1000, 'Why the date moves')
  reason!: string;
}

@ApiTags('actions')
@Controller('actions')
export class ChangeActionDueDateController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/due-date')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'changeActionDueDate', summary: 'Move the due date of an open action, with the reason' })
  changeDueDate(
    @RecordId('actionId') actionId: string,
    @Body() dto: ChangeActionDueDateDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { dueDate, reason } = dto;
    return this.commands.execute(new ChangeActionDueDateCommand({ actionId, dueDate, reason }, ctx));
  }
}
