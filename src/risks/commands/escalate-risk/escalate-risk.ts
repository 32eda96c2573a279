import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Meeting } from '../../../meetings';
import { Board } from '../../../partners';
import { Risk, type RiskCommand } from '../../domain/risk';
import { IsMeetingRef } from '../risk-fields';

export class EscalateRiskDto extends CommandDto {
  @IsBusinessDate('The day it was escalated', '2019-04-10')
  escalatedOn!: string;

  @IsRecordId('The board it was escalated to (registered)', 'wseb')
  boardId!: string;

  @IsMeetingRef('The board meeting it was taken to, when known (recorded meeting)')
  meetingId?: string;

  @IsText(1000, 'Why it was escalated')
  reason!: string;
}

export class EscalateRiskCommand extends LedgerCommand<
  CommandData<RiskCommand, 'escalate-risk', 'boardRegistered' | 'meetingExists'>
> {}

@CommandHandler(EscalateRiskCommand)
export class EscalateRiskHandler implements ICommandHandler<EscalateRiskCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: EscalateRiskCommand) {
    const boardRegistered = await this.runner.exists(Board.category, data.boardId);
    const found =
      data.meetingId === undefined ? {} : { meetingExists: await this.runner.exists(Meeting.category, data.meetingId) };
    return this.runner.run(
      Risk,
      data.riskId,
      { type: 'escalate-risk', data: { ...data, boardRegistered, ...found } },
      ctx,
    );
  }
}

@ApiTags('risks')
@Controller('risks')
export class EscalateRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':riskId/escalations')
  @CommandRoute(200, 'risks:manage', {
    operationId: 'escalateRisk',
    summary: 'Escalate a risk to a board, with the meeting it was taken to when known',
  })
  escalate(@RecordId('riskId') riskId: string, @Body() dto: EscalateRiskDto, @Ctx() ctx: CommandContext) {
    const { escalatedOn, boardId, meetingId, reason } = dto;
    return this.commands.execute(
      new EscalateRiskCommand({ riskId, escalatedOn, boardId, ...(meetingId ? { meetingId } : {}), reason }, ctx),
    );
  }
}
