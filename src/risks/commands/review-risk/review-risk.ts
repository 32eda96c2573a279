import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Meeting } from '../../../meetings';
import { Risk, type RiskCommand } from '../../domain/risk';
import { IsMeetingRef } from '../risk-fields';

export class ReviewRiskDto extends CommandDto {
  @IsBusinessDate('The day it was reviewed', '2019-04-10')
  reviewedOn!: string;

  @IsText(2000, "The review's outcome, e.g. 'No new risks identified'")
  outcome!: string;

  @IsMeetingRef('The meeting that reviewed it (recorded meeting)')
  meetingId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'The next review is due by then', example: '2019-07-10' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  nextReviewDue?: string;
}

export class ReviewRiskCommand extends LedgerCommand<CommandData<RiskCommand, 'review-risk', 'meetingExists'>> {}

@CommandHandler(ReviewRiskCommand)
export class ReviewRiskHandler implements ICommandHandler<ReviewRiskCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ReviewRiskCommand) {
    const found =
      data.meetingId === undefined ? {} : { meetingExists: await this.runner.exists(Meeting.category, data.meetingId) };
    return this.runner.run(Risk, data.riskId, { type: 'review-risk', data: { ...data, ...found } }, ctx);
  }
}

@ApiTags('risks')
@Controller('risks')
export class ReviewRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/reviews')
  @CommandRoute(200, 'risks:manage', {
    operationId: 'reviewRisk',
    summary: 'Record a review of a risk: its outcome, the meeting that held it, and when the next is due',
  })
  review(@RecordId('riskId') riskId: string, @Body() dto: ReviewRiskDto, @Ctx() ctx: CommandContext) {
    const { reviewedOn, outcome, meetingId, nextReviewDue } = dto;
    return this.commands.execute(
      new ReviewRiskCommand(
        {
          riskId,
          reviewedOn,
          outcome,
          ...(meetingId ? { meetingId } : {}),
          ...(nextReviewDue ? { nextReviewDue } : {}),
        },
        ctx,
      ),
    );
  }
}
