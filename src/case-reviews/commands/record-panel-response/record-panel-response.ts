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
import { CaseReview, type CaseReviewCommand, PANEL_RESPONSES, type PanelResponse } from '../../domain/case-review';
import { IsBusinessDate, IsOneOf, IsText } from '../case-review-fields';

export class RecordPanelResponseDto extends CommandDto {
  @IsBusinessDate('The day the Panel responded', '2022-10-03')
  respondedOn!: string;

  @IsOneOf(PANEL_RESPONSES, 'What the Panel said')
  response!: PanelResponse;

  @IsText(2000, 'The response in brief (no names)')
  summary!: string;
}

export class RecordPanelResponseCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'record-panel-response'>
> {}

@CommandHandler(RecordPanelResponseCommand)
export class RecordPanelResponseHandler extends DeciderHandler(
  CaseReview,
  'record-panel-response',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class RecordPanelResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/panel-responses')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'recordPanelResponse',
    summary:
      "Record the National Panel's response to the rapid review (or, for a legacy serious case review, to a request such as stepping it down)",
  })
  record(
    @RecordId('caseReviewId') caseReviewId: string,
    @Body() dto: RecordPanelResponseDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { respondedOn, response, summary } = dto;
    return this.commands.execute(new RecordPanelResponseCommand({ caseReviewId, respondedOn, response, summary }, ctx));
  }
}
