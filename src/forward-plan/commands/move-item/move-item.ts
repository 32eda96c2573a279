import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsText } from '../../../http/command-fields';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { ForwardPlanItem, type ForwardPlanCommand } from '../../domain/forward-plan-item';
import { meetingFacts, PlanTargetDto, targetOf } from '../forward-plan-fields';

export class MoveItemDto extends PlanTargetDto {
  @IsText(1000, 'Why it moves')
  reason!: string;
}

export class MoveItemCommand extends LedgerCommand<CommandData<ForwardPlanCommand, 'move-item', 'meeting'>> {}

@CommandHandler(MoveItemCommand)
export class MoveItemHandler implements ICommandHandler<MoveItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: MoveItemCommand) {
    const meeting = 'meetingId' in data.target ? await meetingFacts(this.runner, data.target.meetingId) : undefined;
    const move = { type: 'move-item' as const, data: { ...data, ...(meeting ? { meeting } : {}) } };
    return this.runner.run(ForwardPlanItem, data.itemId, move, ctx);
  }
}

@ApiTags('forward-plan')
@Controller('forward-plan')
export class MoveItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/move')
  @CommandRoute(200, 'forward-plan:manage', {
    operationId: 'moveForwardPlanItem',
    summary: 'Move a planned item to another meeting or month',
  })
  move(@RecordId('itemId') itemId: string, @Body() dto: MoveItemDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new MoveItemCommand({ itemId, target: targetOf(dto), reason: dto.reason }, ctx));
  }
}
