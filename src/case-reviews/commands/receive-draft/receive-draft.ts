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
import { Matches } from 'class-validator';

export class ReceiveDraftDto extends CommandDto {
  @IsText(40, 'Draft version label', false, false)
  version!: string;

  @IsBusinessDate('The day the draft was received', '2022-12-12')
  receivedOn!: string;

  @ApiProperty({ description: 'SHA-256 of the draft, lower-case hex', pattern: '^[0-9a-f]{64}$' })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 in lower-case hex' })
  contentHash!: string;
}

export class ReceiveDraftCommand extends LedgerCommand<CommandData<CaseReviewCommand, 'receive-draft'>> {}

@CommandHandler(ReceiveDraftCommand)
export class ReceiveDraftHandler extends DeciderHandler(CaseReview, 'receive-draft', (data) => data.caseReviewId) {}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class ReceiveDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseReviewId/drafts')
  @CommandRoute(200, 'case-reviews:manage', {
    operationId: 'receiveDraft',
    summary: 'Record a draft report from the reviewer: its version and the hash of its text',
  })
  receive(@RecordId('caseReviewId') caseReviewId: string, @Body() dto: ReceiveDraftDto, @Ctx() ctx: CommandContext) {
    const { version, receivedOn, contentHash } = dto;
    return this.commands.execute(new ReceiveDraftCommand({ caseReviewId, version, receivedOn, contentHash }, ctx));
  }
}
