import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { Risk, type RiskCommand } from '../../domain/risk';
import { IsRating } from '../risk-fields';

export class RescoreRiskDto extends CommandDto {
  @IsBusinessDate('The day it was scored', '2019-05-01')
  scoredOn!: string;

  @IsRating('How likely it is to happen, 1-5', 3)
  likelihood!: number;

  @IsRating('How severe it would be, 1-5', 4)
  impact!: number;

  @IsText(1000, 'Why the score changed')
  reason!: string;
}

export class RescoreRiskCommand extends LedgerCommand<CommandData<RiskCommand, 'rescore-risk'>> {}

@CommandHandler(RescoreRiskCommand)
export class RescoreRiskHandler extends DeciderHandler(Risk, 'rescore-risk', (data) => data.riskId) {}

@ApiTags('risks')
@Controller('risks')
export class RescoreRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/scores')
  @CommandRoute(200, 'risks:manage', {
    operationId: 'rescoreRisk',
    summary: 'Score a risk again: likelihood and impact (1-5 each) on a date, with the reason; past scores are kept',
  })
  rescore(@RecordId('riskId') riskId: string, @Body() dto: RescoreRiskDto, @Ctx() ctx: CommandContext) {
    const { scoredOn, likelihood, impact, reason } = dto;
    return this.commands.execute(new RescoreRiskCommand({ riskId, scoredOn, likelihood, impact, reason }, ctx));
  }
}
