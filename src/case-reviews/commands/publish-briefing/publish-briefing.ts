import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsBusinessDate, IsTextList } from '../case-review-fields';

export class PublishBriefingDto extends CommandDto {
  @IsBusinessDate('The day it was published', '2022-06-15')
  publishedOn!: string;

  @IsTextList('Where it was disseminated (boards, bulletins, training)')
  disseminatedTo!: string[];
}

export class PublishBriefingCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'publish-briefing'>> {}

@CommandHandler(PublishBriefingCommand)
export class PublishBriefingHandler extends DeciderHandler(
  CaseReview,
  'publish-briefing',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class PublishBriefingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/briefings/:briefingId/publication')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'publishLearningBriefing',
    summary: 'Publish a learning briefing and record where it was disseminated',
  })
  publish(
    @RecordId('caseReviewId') caseReviewId: string,
    @RecordId('briefingId') briefingId: string,
    @Body() dto: PublishBriefingDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { publishedOn, disseminatedTo } = dto;
    return this.commands.execute(
      new PublishBriefingCommand({ caseReviewId, briefingId, publishedOn, disseminatedTo }, ctx),
    );
  }
}
