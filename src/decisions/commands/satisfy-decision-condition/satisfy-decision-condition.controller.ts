import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { SatisfyDecisionConditionCommand } from './satisfy-decision-condition.handler';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

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

@ApiTags('decisions')
@Controller('decisions')
export class SatisfyDecisionConditionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':decisionId/satisfy-condition')
  @HttpCode(200)
  @Requires('decisions:record')
  @CommandEndpoint()
  @ApiOperation({
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
