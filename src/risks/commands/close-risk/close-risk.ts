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

export class CloseRiskDto extends CommandDto {
  @IsBusinessDate('The day it was closed', '2020-01-10')
  closedOn!: string;

  @IsText(1000, 'Why it is closed')
  reason!: string;
}

export class CloseRiskCommand extends LedgerCommand<CommandData<RiskCommand, 'close-risk'>> {}

@CommandHandler(CloseRiskCommand)
export class CloseRiskHandler extends DeciderHandler(Risk, 'close-risk', (data) => data.riskId) {}

@ApiTags('risks')
@Controller('risks')
export class CloseRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/closure')
  @CommandRoute(200, 'risks:manage', {
    operationId: 'closeRisk',
    summary: 'Close a risk, with the reason; a closed risk takes no more changes',
  })
  close(@RecordId('riskId') riskId: string, @Body() dto: CloseRiskDto, @Ctx() ctx: CommandContext) {
    const { closedOn, reason } = dto;
    return this.commands.execute(new CloseRiskCommand({ riskId, closedOn, reason }, ctx));
  }
}
