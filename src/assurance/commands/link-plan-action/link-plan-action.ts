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
import { ThematicReview, type ThematicReviewCommand } from '../../domain/thematic-review';

export class LinkPlanActionDto extends CommandDto {
  @IsRecordId('The finding (assigned to this partner) the action answers', 'core-training')
  findingId!: string;

  @IsRecordId('The action (actions context)', 'wseb-2022-09-22-a3')
  actionId!: string;
}

export class LinkPlanActionCommand extends LedgerCommand<
  CommandData<ThematicReviewCommand, 'link-plan-action', 'actionExists'>
> {}

@CommandHandler(LinkPlanActionCommand)
export class LinkPlanActionHandler implements ICommandHandler<LinkPlanActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: LinkPlanActionCommand) {
    const actionExists = await this.runner.exists(Action.category, data.actionId);
    const command = { type: 'link-plan-action' as const, data: { ...data, actionExists } };
    return this.runner.run(ThematicReview, data.thematicReviewId, command, ctx);
  }
}

@ApiTags('thematic-reviews')
@Controller('thematic-reviews')
export class LinkPlanActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':thematicReviewId/plans/:partnerId/actions')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'linkPlanAction',
    summary: "Put a tracked action in a partner's plan, answering one of the findings assigned to that partner",
  })
  link(
    @RecordId('thematicReviewId') thematicReviewId: string,
    @RecordId('partnerId') partnerId: string,
    @Body() dto: LinkPlanActionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { findingId, actionId } = dto;
    return this.commands.execute(new LinkPlanActionCommand({ thematicReviewId, partnerId, findingId, actionId }, ctx));
  }
}
