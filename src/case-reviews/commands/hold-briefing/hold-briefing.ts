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
import { IsText } from '../case-review-fields';

export class HoldBriefingDto extends CommandDto {
  @IsText(2000, 'Why it is held (no names)')
  reason!: string;
}

export class HoldBriefingCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'hold-briefing'>> {}

@CommandHandler(HoldBriefingCommand)
export class HoldBriefingHandler extends DeciderHandler(CaseReview, 'hold-briefing', (data) => data.caseReviewId) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class HoldBriefingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/briefings/:briefingId/hold')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'holdLearningBriefing',
    summary: 'Put a learning briefing on hold, with the reason',
  })
  hold(
    @RecordId('caseReviewId') caseReviewId: string,
    @RecordId('briefingId') briefingId: string,
    @Body() dto: HoldBriefingDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { reason } = dto;
    return this.commands.execute(new HoldBriefingCommand({ caseReviewId, briefingId, reason }, ctx));
  }
}
