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
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';

export class CloseAuditDto extends CommandDto {
  @IsBusinessDate('The day the audit was closed', '2022-11-30')
  closedOn!: string;

  @IsText(2000, 'Required while returns are outstanding: why it closes without them', true)
  outstandingReason?: string;
}

export class CloseAuditCommand extends LedgerCommand<CommandData<MultiAgencyAuditCommand, 'close-audit'>> {}

@CommandHandler(CloseAuditCommand)
export class CloseAuditHandler extends DeciderHandler(MultiAgencyAudit, 'close-audit', (data) => data.auditId) {}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class CloseAuditController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':auditId/close')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'closeMultiAgencyAudit',
    summary: 'Close the audit: with every return in, or with the reason it closes without the outstanding ones',
  })
  close(@RecordId('auditId') auditId: string, @Body() dto: CloseAuditDto, @Ctx() ctx: CommandContext) {
    const { closedOn, outstandingReason } = dto;
    const data = { auditId, closedOn, ...(outstandingReason ? { outstandingReason } : {}) };
    return this.commands.execute(new CloseAuditCommand(data, ctx));
  }
}
