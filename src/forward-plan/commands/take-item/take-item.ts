import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { ForwardPlanItem, type ForwardPlanCommand } from '../../domain/forward-plan-item';
import { meetingFacts } from '../forward-plan-fields';

export class TakeItemDto extends CommandDto {
  @IsRecordId("A meeting of the item's board", 'wseb-2023-04-20')
  meetingId!: string;

  @ApiProperty({ description: 'The agenda item (its number) that takes it, added to the meeting first', example: 5 })
  @IsInt()
  @Min(1)
  @Max(999)
  agendaItem!: number;
}

export class TakeItemCommand extends LedgerCommand<CommandData<ForwardPlanCommand, 'take-item', 'meeting'>> {}

@CommandHandler(TakeItemCommand)
export class TakeItemHandler implements ICommandHandler<TakeItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: TakeItemCommand) {
    const meeting = await meetingFacts(this.runner, data.meetingId);
    return this.runner.run(ForwardPlanItem, data.itemId, { type: 'take-item', data: { ...data, meeting } }, ctx);
  }
}

@ApiTags('forward-plan')
@Controller('forward-plan')
export class TakeItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/agenda')
  @CommandRoute(200, 'forward-plan:manage', {
    operationId: 'takeForwardPlanItem',
    summary: "Take a planned item onto a meeting's agenda, linking the agenda item that holds it",
  })
  take(@RecordId('itemId') itemId: string, @Body() dto: TakeItemDto, @Ctx() ctx: CommandContext) {
    const { meetingId, agendaItem } = dto;
    return this.commands.execute(new TakeItemCommand({ itemId, meetingId, agendaItem }, ctx));
  }
}
