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

export class RemoveRiskControlDto extends CommandDto {
  @IsBusinessDate('The day the control stopped', '2019-06-01')
  removedOn!: string;

  @IsText(1000, 'Why it was removed')
  reason!: string;
}

export class RemoveRiskControlCommand extends LedgerCommand<CommandData<RiskCommand, 'remove-risk-control'>> {}

@CommandHandler(RemoveRiskControlCommand)
export class RemoveRiskControlHandler extends DeciderHandler(Risk, 'remove-risk-control', (data) => data.riskId) {}

@ApiTags('risks')
@Controller('risks')
export class RemoveRiskControlController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/controls/:controlId/removal')
  @CommandRoute(200, 'risks:manage', {
    operationId: 'removeRiskControl',
    summary: 'Remove a control from a risk, with the reason',
  })
  remove(
    @RecordId('riskId') riskId: string,
    @RecordId('controlId') controlId: string,
    @Body() dto: RemoveRiskControlDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { removedOn, reason } = dto;
    return this.commands.execute(new RemoveRiskControlCommand({ riskId, controlId, removedOn, reason }, ctx));
  }
}
