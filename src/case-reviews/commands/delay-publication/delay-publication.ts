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
import { CaseReview, type CaseReviewCommand, DELAY_REASONS, type DelayReason } from '../../domain/case-review';
import { IsBusinessDate, IsOneOf, IsText } from '../case-review-fields';

export class DelayPublicationDto extends CommandDto {
  @IsBusinessDate('The day the delay was decided', '2023-03-01')
  delayedOn!: string;

  @IsOneOf(DELAY_REASONS, 'Why publication waits')
  reason!: DelayReason;

  @IsText(2000, 'The circumstances (no names)')
  detail!: string;

  @IsBusinessDate('When the delay is to be reviewed', '2023-06-01')
  reviewOn!: string;
}

export class DelayPublicationCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'delay-publication'>> {}

@CommandHandler(DelayPublicationCommand)
export class DelayPublicationHandler extends DeciderHandler(
  CaseReview,
  'delay-publication',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class DelayPublicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/publication-delay')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'delayCaseReviewPublication',
    summary: 'Record that publication is delayed (e.g. pending an inquest), why, and when the delay is to be reviewed',
  })
  delay(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: DelayPublicationDto, @Ctx() ctx: CommandContext) {
    const { delayedOn, reason, detail, reviewOn } = dto;
    return this.commands.execute(
      new DelayPublicationCommand({ caseReviewId, delayedOn, reason, detail, reviewOn }, ctx),
    );
  }
}
