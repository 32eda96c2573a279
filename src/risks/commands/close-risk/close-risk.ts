import { Body, Controller, Post } from '@nestjs/common';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Risk, type RiskCommand } from '../../domain/risk';

export class CloseRiskDto extends CommandDto {
  @IsBusinessDate('The day it was closed', '2020-01-10')
  closedOn!: string;

  @IsText(1000, 'Why it is closed')
  reason!: string;
}

export class CloseRiskCommand extends LedgerCommand<CommandData<RiskCommand, 'close-risk'>> {}

@CommandHandler(CloseRiskCommand)
export class CloseRiskHandler implements ICommandHandler<CloseRiskCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CloseRiskCommand) {
    return this.runner.run(Risk, data.riskId, { type: 'close-risk', data }, ctx);
  }
}

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
