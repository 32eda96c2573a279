import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { ThematicReview, type ThematicReviewCommand } from '../../domain/thematic-review';

export class CompleteThematicReviewDto extends CommandDto {
  @IsBusinessDate('The day the board accepted the review as complete', '2023-03-14')
  completedOn!: string;

  @IsText(4000, 'What the board concluded')
  summary!: string;
}

export class CompleteThematicReviewCommand extends LedgerCommand<
  CommandData<ThematicReviewCommand, 'complete-thematic-review'>
> {}

@CommandHandler(CompleteThematicReviewCommand)
export class CompleteThematicReviewHandler extends DeciderHandler(
  ThematicReview,
  'complete-thematic-review',
  (data) => data.thematicReviewId,
) {}

@ApiTags('thematic-reviews')
@Controller('thematic-reviews')
export class CompleteThematicReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':thematicReviewId/complete')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'completeThematicReview',
    summary: "Complete the thematic review once every partner's plan is reported complete",
  })
  complete(
    @RecordId('thematicReviewId') thematicReviewId: string,
    @Body() dto: CompleteThematicReviewDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { completedOn, summary } = dto;
    return this.commands.execute(new CompleteThematicReviewCommand({ thematicReviewId, completedOn, summary }, ctx));
  }
}
