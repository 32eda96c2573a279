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
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { Risk, type RiskCommand } from '../../domain/risk';

export class AddRiskControlDto extends CommandDto {
  @IsRecordId('Stable id of the control on this risk', 'recruitment-campaign')
  controlId!: string;

  @IsBusinessDate('The day the control was put in place', '2019-02-01')
  addedOn!: string;

  @IsText(1000, 'What the control is and does')
  description!: string;
}

export class AddRiskControlCommand extends LedgerCommand<CommandData<RiskCommand, 'add-risk-control'>> {}

@CommandHandler(AddRiskControlCommand)
export class AddRiskControlHandler extends DeciderHandler(Risk, 'add-risk-control', (data) => data.riskId) {}

@ApiTags('risks')
@Controller('risks')
export class AddRiskControlController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/controls')
  @CommandRoute(200, 'risks:manage', { operationId: 'addRiskControl', summary: 'Add a control that mitigates a risk' })
  add(@RecordId('riskId') riskId: string, @Body() dto: AddRiskControlDto, @Ctx() ctx: CommandContext) {
    const { controlId, addedOn, description } = dto;
    return this.commands.execute(new AddRiskControlCommand({ riskId, controlId, addedOn, description }, ctx));
  }
}
