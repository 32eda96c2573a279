import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { ForwardPlanItem, type ForwardPlanCommand } from '../../domain/forward-plan-item';

export class DropItemDto extends CommandDto {
  @IsText(1000, 'Why it is dropped')
  reason!: string;
}

export class DropItemCommand extends LedgerCommand<CommandData<ForwardPlanCommand, 'drop-item'>> {}

@CommandHandler(DropItemCommand)
export class DropItemHandler extends DeciderHandler(ForwardPlanItem, 'drop-item', (data) => data.itemId) {}

@ApiTags('forward-plan')
@Controller('forward-plan')
export class DropItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/drop')
  @CommandRoute(200, 'forward-plan:manage', {
    operationId: 'dropForwardPlanItem',
    summary: 'Drop an item from the forward plan, saying why',
  })
  drop(@RecordId('itemId') itemId: string, @Body() dto: DropItemDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new DropItemCommand({ itemId, reason: dto.reason }, ctx));
  }
}
