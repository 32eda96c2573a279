import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsRecordId } from '../../../http/ids';
import { Signoff } from '../../../signoffs';

export class LinkSignoffDto extends CommandDto {
  @IsRecordId('The sign-off (signoffs context) of the report', 'james-cspr-report')
  signoffId!: string;
}

export class LinkSignoffCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'link-signoff', 'signoffExists'>
> {}

@CommandHandler(LinkSignoffCommand)
export class LinkSignoffHandler implements ICommandHandler<LinkSignoffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: LinkSignoffCommand) {
    // The sign-off is another aggregate: whether it was requested is a fact the decider is given.
    const signoffExists = await this.runner.exists(Signoff.category, data.signoffId);
    return this.runner.run(
      CaseReview,
      data.caseReviewId,
      { type: 'link-signoff', data: { ...data, signoffExists } },
      ctx,
    );
  }
}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class LinkSignoffController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/signoffs')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'linkCaseReviewSignoff',
    summary: "Link the statutory partners' sign-off of the report (requested through POST /signoffs) to the review",
  })
  link(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: LinkSignoffDto, @Ctx() ctx: CommandContext) {
    const { signoffId } = dto;
    return this.commands.execute(new LinkSignoffCommand({ caseReviewId, signoffId }, ctx));
  }
}
