import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Action } from '../../../actions';
import { Ctx } from '../../../http/command-context.decorator';
import { IsIdList, IsOneOf, IsText } from '../../../http/command-fields';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import {
  Inspection,
  RECOMMENDATION_KINDS,
  type InspectionCommand,
  type RecommendationKind,
} from '../../domain/inspection';
import { NextUpdateDto, nextUpdateOf } from '../inspection-fields';

export class RecordRecommendationDto extends NextUpdateDto {
  @IsRecordId('Stable id of the recommendation', 'hmicfrs-2022-r2')
  recommendationId!: string;

  @IsOneOf(RECOMMENDATION_KINDS, 'A recommendation, or an area for improvement')
  kind!: RecommendationKind;

  @IsRecordId('The partner that owns it: one of the agencies inspected', 'warwickshire-police')
  ownerPartnerId!: string;

  @IsText(4000, 'What the report says')
  text!: string;

  @IsIdList('The action plan: tracked actions (actions context) that answer it; more can be linked later')
  actionIds?: string[];
}

export class RecordRecommendationCommand extends LedgerCommand<
  Omit<CommandData<InspectionCommand, 'record-recommendation', 'missingActionIds'>, 'actionIds'> & {
    actionIds?: string[];
  }
> {}

@CommandHandler(RecordRecommendationCommand)
export class RecordRecommendationHandler implements ICommandHandler<RecordRecommendationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordRecommendationCommand) {
    const actionIds = data.actionIds ?? [];
    // Each action is its own aggregate: the ones that do not exist are a fact the decider refuses on.
    const found = await Promise.all(actionIds.map((id) => this.runner.exists(Action.category, id)));
    const missingActionIds = actionIds.filter((_, i) => !found[i]);
    return this.runner.run(
      Inspection,
      data.inspectionId,
      { type: 'record-recommendation', data: { ...data, actionIds, missingActionIds } },
      ctx,
    );
  }
}

@ApiTags('inspections')
@Controller('inspections')
export class RecordRecommendationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/recommendations')
  @CommandRoute(200, 'inspections:manage', {
    operationId: 'recordInspectionRecommendation',
    summary:
      'Record a recommendation or area for improvement: the partner that owns it, its action plan, when its first update is due',
  })
  record(
    @RecordId('inspectionId') inspectionId: string,
    @Body() dto: RecordRecommendationDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { recommendationId, kind, ownerPartnerId, text, actionIds } = dto;
    const nextUpdate = nextUpdateOf(dto);
    return this.commands.execute(
      new RecordRecommendationCommand(
        {
          inspectionId,
          recommendationId,
          kind,
          ownerPartnerId,
          text,
          actionIds,
          ...(nextUpdate ? { nextUpdate } : {}),
        },
        ctx,
      ),
    );
  }
}
