import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsIdList, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../../partners';
import { ThematicReview, type ThematicReviewCommand } from '../../domain/thematic-review';
import { unrecorded } from '../reference-facts';

export class RecordThematicFindingDto extends CommandDto {
  @IsRecordId('Stable id of the finding', 'core-training')
  findingId!: string;

  @IsText(4000, 'What the review found (no names)')
  text!: string;

  @IsIdList('The partners (partners context) who must answer it, each in its own plan: at least one', 20, [
    'warwickshire-police',
  ])
  partnerIds?: string[];
}

export class RecordThematicFindingCommand extends LedgerCommand<
  CommandData<ThematicReviewCommand, 'record-thematic-finding', 'unregisteredPartnerIds'>
> {}

@CommandHandler(RecordThematicFindingCommand)
export class RecordThematicFindingHandler implements ICommandHandler<RecordThematicFindingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordThematicFindingCommand) {
    const unregisteredPartnerIds = await unrecorded(this.runner, Partner.category, data.partnerIds);
    const command = { type: 'record-thematic-finding' as const, data: { ...data, unregisteredPartnerIds } };
    return this.runner.run(ThematicReview, data.thematicReviewId, command, ctx);
  }
}

@ApiTags('thematic-reviews')
@Controller('thematic-reviews')
export class RecordThematicFindingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':thematicReviewId/findings')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'recordThematicFinding',
    summary: 'Record a finding of the thematic review and the partners it is assigned to',
  })
  record(
    @RecordId('thematicReviewId') thematicReviewId: string,
    @Body() dto: RecordThematicFindingDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { findingId, text, partnerIds = [] } = dto;
    return this.commands.execute(
      new RecordThematicFindingCommand({ thematicReviewId, findingId, text, partnerIds }, ctx),
    );
  }
}
