import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class RescindDecisionDto extends CommandDto {
  @ApiProperty({
    description: 'Why the decision no longer stands',
    example: 'Funding for the programme was withdrawn',
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}

export class RescindDecisionCommand extends LedgerCommand<CommandData<DecisionCommand, 'rescind-decision'>> {}

@CommandHandler(RescindDecisionCommand)
export class RescindDecisionHandler extends DeciderHandler(Decision, 'rescind-decision', (data) => data.decisionId) {}

@ApiTags('decisions')
@Controller('decisions')
export class RescindDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':decisionId/rescind')
  @CommandRoute(200, 'decisions:record', {
    operationId: 'rescindDecision',
    summary: 'Rescind a decision with a reason (it stays on the record as rescinded)',
  })
  rescind(@RecordId('decisionId') decisionId: string, @Body() dto: RescindDecisionDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new RescindDecisionCommand({ decisionId, reason: dto.reason }, ctx));
  }
}
