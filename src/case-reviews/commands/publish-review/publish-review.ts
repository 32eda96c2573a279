import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsBusinessDate } from '../case-review-fields';
import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { IsRecordId } from '../../../http/ids';
import { Signoff } from '../../../signoffs';

export class PublishReviewDto extends CommandDto {
  @IsBusinessDate('The day it was published', '2022-05-26')
  publishedOn!: string;

  @IsRecordId('The linked, completed sign-off of the published text', 'james-cspr-report')
  signoffId!: string;

  @ApiPropertyOptional({ description: 'Where it is published', maxLength: 500, format: 'uri' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https'] })
  @MaxLength(500)
  url?: string;
}

export class PublishReviewCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'publish-review', 'signoffCompleted'>
> {}

@CommandHandler(PublishReviewCommand)
export class PublishReviewHandler implements ICommandHandler<PublishReviewCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: PublishReviewCommand) {
    // Whether every partner signed is the sign-off's state: read here, judged by the decider.
    const { state } = await this.runner.load(Signoff, data.signoffId);
    const signoffCompleted = state.exists && state.completed && !state.withdrawn;
    return this.runner.run(
      CaseReview,
      data.caseReviewId,
      { type: 'publish-review', data: { ...data, signoffCompleted } },
      ctx,
    );
  }
}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class PublishReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/publication')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'publishCaseReview',
    summary: 'Record publication of the report; refused unless the named sign-off is linked and complete',
  })
  publish(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: PublishReviewDto, @Ctx() ctx: CommandContext) {
    const { publishedOn, signoffId, url } = dto;
    return this.commands.execute(new PublishReviewCommand({ caseReviewId, publishedOn, signoffId, url }, ctx));
  }
}
