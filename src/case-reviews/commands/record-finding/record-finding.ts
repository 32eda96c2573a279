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
import { CaseReview, type CaseReviewCommand, FINDING_KINDS, type FindingKind } from '../../domain/case-review';
import { IsIdList, IsOneOf, IsText } from '../case-review-fields';
import { IsRecordId } from '../../../http/ids';
import { Action } from '../../../actions';

export class RecordFindingDto extends CommandDto {
  @IsRecordId('Stable id of the finding', 'james-cspr-r1')
  findingId!: string;

  @IsOneOf(FINDING_KINDS, 'A finding, or a recommendation')
  kind!: FindingKind;

  @IsText(4000, 'What it says (no names)')
  text!: string;

  @IsIdList('Actions (actions context) that answer it; more can be linked later')
  actionIds?: string[];
}

export class RecordFindingCommand extends LedgerCommand<
  Omit<CommandData<CaseReviewCommand, 'record-finding', 'missingActionIds'>, 'actionIds'> & { actionIds?: string[] }
> {}

@CommandHandler(RecordFindingCommand)
export class RecordFindingHandler implements ICommandHandler<RecordFindingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordFindingCommand) {
    const actionIds = data.actionIds ?? [];
    // Each action is its own aggregate: the ones that do not exist are a fact the decider refuses on.
    const found = await Promise.all(actionIds.map((id) => this.runner.exists(Action.category, id)));
    const missingActionIds = actionIds.filter((_, i) => !found[i]);
    return this.runner.run(
      CaseReview,
      data.caseReviewId,
      { type: 'record-finding', data: { ...data, actionIds, missingActionIds } },
      ctx,
    );
  }
}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class RecordFindingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/findings')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'recordCaseReviewFinding',
    summary: 'Record a finding or recommendation of the review, with the tracked actions that answer it',
  })
  record(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: RecordFindingDto, @Ctx() ctx: CommandContext) {
    const { findingId, kind, text, actionIds } = dto;
    return this.commands.execute(new RecordFindingCommand({ caseReviewId, findingId, kind, text, actionIds }, ctx));
  }
}
