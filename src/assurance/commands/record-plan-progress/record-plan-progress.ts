import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsOneOf, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import {
  PLAN_STATUSES,
  ThematicReview,
  type PlanStatus,
  type ThematicReviewCommand,
} from '../../domain/thematic-review';

export class RecordPlanProgressDto extends CommandDto {
  @IsBusinessDate('The day the partner reported it (e.g. to the board)', '2022-11-08')
  reportedOn!: string;

  @IsOneOf(PLAN_STATUSES, 'Where the plan stands now')
  status!: PlanStatus;

  @IsText(4000, 'What the partner reported')
  summary!: string;
}

export class RecordPlanProgressCommand extends LedgerCommand<
  CommandData<ThematicReviewCommand, 'record-plan-progress'>
> {}

@CommandHandler(RecordPlanProgressCommand)
export class RecordPlanProgressHandler extends DeciderHandler(
  ThematicReview,
  'record-plan-progress',
  (data) => data.thematicReviewId,
) {}

@ApiTags('thematic-reviews')
@Controller('thematic-reviews')
export class RecordPlanProgressController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':thematicReviewId/plans/:partnerId/progress')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'recordPlanProgress',
    summary: "Record a partner's progress update on its plan, and the plan's status",
  })
  record(
    @RecordId('thematicReviewId') thematicReviewId: string,
    @RecordId('partnerId') partnerId: string,
    @Body() dto: RecordPlanProgressDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { reportedOn, status, summary } = dto;
    return this.commands.execute(
      new RecordPlanProgressCommand({ thematicReviewId, partnerId, reportedOn, status, summary }, ctx),
    );
  }
}
