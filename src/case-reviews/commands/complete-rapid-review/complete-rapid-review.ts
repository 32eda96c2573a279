import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsBusinessDate, IsText } from '../case-review-fields';
import { IsBoolean } from 'class-validator';

export class CompleteRapidReviewDto extends CommandDto {
  @IsBusinessDate('The day the partners completed the rapid review', '2022-09-15')
  completedOn!: string;

  @IsText(4000, 'What the rapid review found and recommends (no names)')
  outcome!: string;

  @ApiProperty({ description: 'Whether the rapid review recommends a local child safeguarding practice review' })
  @IsBoolean()
  recommendsCspr!: boolean;
}

export class CompleteRapidReviewCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'complete-rapid-review'>
> {}

@CommandHandler(CompleteRapidReviewCommand)
export class CompleteRapidReviewHandler extends DeciderHandler(
  CaseReview,
  'complete-rapid-review',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class CompleteRapidReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/rapid-review')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'completeRapidReview',
    summary:
      'Record the completed rapid review and its outcome (due within 15 working days of awareness); refused before the notification',
  })
  complete(
    @RecordId('caseReviewId') caseReviewId: string,
    @Body() dto: CompleteRapidReviewDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { completedOn, outcome, recommendsCspr } = dto;
    return this.commands.execute(
      new CompleteRapidReviewCommand({ caseReviewId, completedOn, outcome, recommendsCspr }, ctx),
    );
  }
}
