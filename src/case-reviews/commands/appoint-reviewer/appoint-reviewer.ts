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
import { IsBusinessDate, IsText } from '../case-review-fields';

export class AppointReviewerDto extends CommandDto {
  @IsBusinessDate('The day the reviewer was appointed', '2022-10-24')
  appointedOn!: string;

  @IsText(200, 'The reviewer (a professional or an organisation)', false, false)
  reviewer!: string;

  @IsText(4000, 'The terms of reference, or where they are held')
  termsOfReference!: string;
}

export class AppointReviewerCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'appoint-reviewer'>> {}

@CommandHandler(AppointReviewerCommand)
export class AppointReviewerHandler extends DeciderHandler(
  CaseReview,
  'appoint-reviewer',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class AppointReviewerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/reviewer')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'appointReviewer',
    summary: 'Appoint the independent reviewer of a commissioned review, with its terms of reference',
  })
  appoint(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: AppointReviewerDto, @Ctx() ctx: CommandContext) {
    const { appointedOn, reviewer, termsOfReference } = dto;
    return this.commands.execute(
      new AppointReviewerCommand({ caseReviewId, appointedOn, reviewer, termsOfReference }, ctx),
    );
  }
}
