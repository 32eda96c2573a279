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
import { IsBusinessDate } from '../case-review-fields';

export class NotifyNationalPanelDto extends CommandDto {
  @IsBusinessDate('The day the local authority notified the National Panel', '2022-09-01')
  notifiedOn!: string;
}

export class NotifyNationalPanelCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'notify-national-panel'>
> {}

@CommandHandler(NotifyNationalPanelCommand)
export class NotifyNationalPanelHandler extends DeciderHandler(
  CaseReview,
  'notify-national-panel',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class NotifyNationalPanelController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/national-panel-notification')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'notifyNationalPanel',
    summary:
      'Record the serious incident notification to the Child Safeguarding Practice Review Panel (due within 5 working days of awareness)',
  })
  notify(
    @RecordId('caseReviewId') caseReviewId: string,
    @Body() dto: NotifyNationalPanelDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { notifiedOn } = dto;
    return this.commands.execute(new NotifyNationalPanelCommand({ caseReviewId, notifiedOn }, ctx));
  }
}
