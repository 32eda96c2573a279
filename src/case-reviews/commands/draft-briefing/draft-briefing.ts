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
import { CaseReview, type CaseReviewCommand, BRIEFING_FORMATS, type BriefingFormat } from '../../domain/case-review';
import { IsOneOf, IsText } from '../case-review-fields';
import { IsRecordId } from '../../../http/ids';

export class DraftBriefingDto extends CommandDto {
  @IsRecordId('Stable id of the briefing', 'james-cspr-7-minute')
  briefingId!: string;

  @IsOneOf(BRIEFING_FORMATS, 'The briefing format')
  format!: BriefingFormat;

  @IsText(200, 'Its title (no names)', false, false)
  title!: string;
}

export class DraftBriefingCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'draft-briefing'>> {}

@CommandHandler(DraftBriefingCommand)
export class DraftBriefingHandler extends DeciderHandler(CaseReview, 'draft-briefing', (data) => data.caseReviewId) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class DraftBriefingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/briefings')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'draftLearningBriefing',
    summary: 'Draft a learning briefing (7-minute or lessons-learned) from the review',
  })
  draft(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: DraftBriefingDto, @Ctx() ctx: CommandContext) {
    const { briefingId, format, title } = dto;
    return this.commands.execute(new DraftBriefingCommand({ caseReviewId, briefingId, format, title }, ctx));
  }
}
