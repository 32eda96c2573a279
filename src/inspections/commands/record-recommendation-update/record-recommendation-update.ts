import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { Inspection, RAG_STATUSES, type InspectionCommand, type RagStatus } from '../../domain/inspection';
import { NextUpdateDto, nextUpdateOf } from '../inspection-fields';

export class RecordRecommendationUpdateDto extends NextUpdateDto {
  @IsBusinessDate('The day the update was given (e.g. the board meeting that took it)', '2023-02-07')
  updatedOn!: string;

  @IsText(4000, 'The progress reported')
  summary!: string;

  @ApiPropertyOptional({ enum: RAG_STATUSES, description: 'The RAG status this update sets' })
  @IsOptional()
  @IsIn(RAG_STATUSES)
  rag?: RagStatus;
}

export class RecordRecommendationUpdateCommand extends LedgerCommand<
  CommandData<InspectionCommand, 'record-recommendation-update'>
> {}

@CommandHandler(RecordRecommendationUpdateCommand)
export class RecordRecommendationUpdateHandler extends DeciderHandler(
  Inspection,
  'record-recommendation-update',
  (data) => data.inspectionId,
) {}

@ApiTags('inspections')
@Controller('inspections')
export class RecordRecommendationUpdateController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/recommendations/:recommendationId/updates')
  @CommandRoute(200, 'inspections:manage', {
    operationId: 'recordRecommendationUpdate',
    summary: 'Record a progress update on a recommendation, with its RAG status and when the next update is due',
  })
  update(
    @RecordId('inspectionId') inspectionId: string,
    @RecordId('recommendationId') recommendationId: string,
    @Body() dto: RecordRecommendationUpdateDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { updatedOn, summary, rag } = dto;
    const nextUpdate = nextUpdateOf(dto);
    return this.commands.execute(
      new RecordRecommendationUpdateCommand(
        {
          inspectionId,
          recommendationId,
          updatedOn,
          summary,
          ...(rag ? { rag } : {}),
          ...(nextUpdate ? { nextUpdate } : {}),
        },
        ctx,
      ),
    );
  }
}
