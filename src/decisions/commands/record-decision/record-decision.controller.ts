import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordDecisionCommand } from './record-decision.command';
import { RecordDecisionDto } from './record-decision.dto';

@ApiTags('decisions')
@Controller('decisions')
export class RecordDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('decisions:record')
  @CommandEndpoint(201)
  @ApiOperation({ operationId: 'recordDecision', summary: 'Record a decision made at a meeting agenda item' })
  record(@Body() dto: RecordDecisionDto, @Ctx() ctx: CommandContext) {
    const { decisionId, meetingId, itemNumber, outcome, text, conditions, budgetPence, responsiblePartnerIds } = dto;
    const conditionData = conditions?.map(({ conditionId, text: conditionText }) => ({
      conditionId,
      text: conditionText,
    }));
    return this.commands.execute(
      new RecordDecisionCommand(
        {
          decisionId,
          meetingId,
          itemNumber,
          outcome,
          text,
          conditions: conditionData,
          budgetPence,
          responsiblePartnerIds,
        },
        ctx,
      ),
    );
  }
}
