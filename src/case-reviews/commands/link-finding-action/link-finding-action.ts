import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsRecordId } from '../../../http/ids';
import { Action } from '../../../actions';

export class LinkFindingActionDto extends CommandDto {
  @IsRecordId('The action (actions context)', 'wseb-2022-05-10-a1')
  actionId!: string;
}

export class LinkFindingActionCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'link-finding-action', 'actionExists'>
> {}

@CommandHandler(LinkFindingActionCommand)
export class LinkFindingActionHandler implements ICommandHandler<LinkFindingActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: LinkFindingActionCommand) {
    const actionExists = await this.runner.exists(Action.category, data.actionId);
    return this.runner.run(
      CaseReview,
      data.caseReviewId,
      { type: 'link-finding-action', data: { ...data, actionExists } },
      ctx,
    );
  }
}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class LinkFindingActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/findings/:findingId/actions')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'linkFindingAction',
    summary: 'Link a further tracked action to a finding or recommendation',
  })
  link(
    @RecordId('caseReviewId') caseReviewId: string,
    @RecordId('findingId') findingId: string,
    @Body() dto: LinkFindingActionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { actionId } = dto;
    return this.commands.execute(new LinkFindingActionCommand({ caseReviewId, findingId, actionId }, ctx));
  }
}
