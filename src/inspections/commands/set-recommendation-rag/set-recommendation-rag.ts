import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsOneOf, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { Inspection, RAG_STATUSES, type InspectionCommand, type RagStatus } from '../../domain/inspection';

export class SetRecommendationRagDto extends CommandDto {
  @IsBusinessDate('The day the status was set', '2023-03-01')
  setOn!: string;

  @IsOneOf(RAG_STATUSES, 'Red, amber or green')
  rag!: RagStatus;

  @IsText(1000, 'Why')
  reason!: string;
}

export class SetRecommendationRagCommand extends LedgerCommand<
  CommandData<InspectionCommand, 'set-recommendation-rag'>
> {}

@CommandHandler(SetRecommendationRagCommand)
export class SetRecommendationRagHandler extends DeciderHandler(
  Inspection,
  'set-recommendation-rag',
  (data) => data.inspectionId,
) {}

@ApiTags('inspections')
@Controller('inspections')
export class SetRecommendationRagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/recommendations/:recommendationId/rag')
  @CommandRoute(200, 'inspections:manage', {
    operationId: 'setRecommendationRag',
    summary: "Set a recommendation's RAG status on its own, with the reason",
  })
  set(
    @RecordId('inspectionId') inspectionId: string,
    @RecordId('recommendationId') recommendationId: string,
    @Body() dto: SetRecommendationRagDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { setOn, rag, reason } = dto;
    return this.commands.execute(
      new SetRecommendationRagCommand({ inspectionId, recommendationId, setOn, rag, reason }, ctx),
    );
  }
}
