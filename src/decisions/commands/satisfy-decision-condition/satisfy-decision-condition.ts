import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class SatisfyDecisionConditionDto extends CommandDto {
  @IsRecordId('The condition, as recorded with the decision', 'c1')
  conditionId!: string;

  @ApiPropertyOptional({
    description: 'How it was satisfied',
    example: 'Revised proposal circulated with the agreed changes',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @LongText()
  note?: string;
}

export class SatisfyDecisionConditionCommand extends LedgerCommand<
  CommandData<DecisionCommand, 'satisfy-decision-condition'>
> {}

@CommandHandler(SatisfyDecisionConditionCommand)
export class SatisfyDecisionConditionHandler extends DeciderHandler(
  Decision,
  'satisfy-decision-condition',
  (data) => data.decisionId,
) {}

@ApiTags('decisions')
@Controller('decisions')
export class SatisfyDecisionConditionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':decisionId/satisfy-condition')
  @CommandRoute(200, 'decisions:record', {
    operationId: 'satisfyDecisionCondition',
    summary: 'Mark a condition of a decision as satisfied (once)',
  })
  satisfy(
    @RecordId('decisionId') decisionId: string,
    @Body() dto: SatisfyDecisionConditionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { conditionId, note } = dto;
    return this.commands.execute(new SatisfyDecisionConditionCommand({ decisionId, conditionId, note }, ctx));
  }
}
