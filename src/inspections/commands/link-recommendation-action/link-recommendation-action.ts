import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Action } from '../../../actions';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Inspection, type InspectionCommand } from '../../domain/inspection';

export class LinkRecommendationActionDto extends CommandDto {
  @IsRecordId('The action (actions context)', 'wseb-2022-09-22-a4')
  actionId!: string;
}

export class LinkRecommendationActionCommand extends LedgerCommand<
  CommandData<InspectionCommand, 'link-recommendation-action', 'actionExists'>
> {}

@CommandHandler(LinkRecommendationActionCommand)
export class LinkRecommendationActionHandler implements ICommandHandler<LinkRecommendationActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: LinkRecommendationActionCommand) {
    const actionExists = await this.runner.exists(Action.category, data.actionId);
    return this.runner.run(
      Inspection,
      data.inspectionId,
      { type: 'link-recommendation-action', data: { ...data, actionExists } },
      ctx,
    );
  }
}

@ApiTags('inspections')
@Controller('inspections')
export class LinkRecommendationActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/recommendations/:recommendationId/actions')
  @CommandRoute(200, 'inspections:manage', {
    operationId: 'linkRecommendationAction',
    summary: "Add a tracked action to a recommendation's action plan",
  })
  link(
    @RecordId('inspectionId') inspectionId: string,
    @RecordId('recommendationId') recommendationId: string,
    @Body() dto: LinkRecommendationActionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { actionId } = dto;
    return this.commands.execute(
      new LinkRecommendationActionCommand({ inspectionId, recommendationId, actionId }, ctx),
    );
  }
}
