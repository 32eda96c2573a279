import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { CaseReview, type CaseReviewCommand } from '../../domain/case-review';
import { IsBusinessDate, IsText } from '../case-review-fields';
import { IsBoolean } from 'class-validator';

export class DecideCommissioningDto extends CommandDto {
  @IsBusinessDate('The day the safeguarding partners decided', '2022-10-10')
  decidedOn!: string;

  @ApiProperty({ description: 'True: a review is commissioned; false: none, for the reasons given' })
  @IsBoolean()
  commission!: boolean;

  @IsText(4000, 'Why (no names)')
  reasons!: string;
}

export class DecideCommissioningCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'decide-commissioning'>> {}

@CommandHandler(DecideCommissioningCommand)
export class DecideCommissioningHandler extends DeciderHandler(
  CaseReview,
  'decide-commissioning',
  (data) => data.caseReviewId,
) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class DecideCommissioningController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/commissioning-decision')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'decideCommissioning',
    summary: 'Record the decision to commission a review (a CSPR after a rapid review) or not, with the reasons',
  })
  decide(
    @RecordId('caseReviewId') caseReviewId: string,
    @Body() dto: DecideCommissioningDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { decidedOn, commission, reasons } = dto;
    return this.commands.execute(new DecideCommissioningCommand({ caseReviewId, decidedOn, commission, reasons }, ctx));
  }
}
