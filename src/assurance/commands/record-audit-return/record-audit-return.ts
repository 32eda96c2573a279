import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext } from '../../../ledger/command-runner';
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';

export class RecordAuditReturnDto extends CommandDto {
  @IsRecordId('The partner that returned it (one it asked)', 'warwickshire-police')
  partnerId!: string;

  @IsBusinessDate('The day its return was received', '2022-10-20')
  returnedOn!: string;
}

export class RecordAuditReturnCommand extends LedgerCommand<
  CommandData<MultiAgencyAuditCommand, 'record-audit-return'>
> {}

@CommandHandler(RecordAuditReturnCommand)
export class RecordAuditReturnHandler extends DeciderHandler(
  MultiAgencyAudit,
  'record-audit-return',
  (data) => data.auditId,
) {}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class RecordAuditReturnController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':auditId/returns')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'recordAuditReturn',
    summary: "Record a partner's audit return, once per partner asked",
  })
  record(@RecordId('auditId') auditId: string, @Body() dto: RecordAuditReturnDto, @Ctx() ctx: CommandContext) {
    const { partnerId, returnedOn } = dto;
    return this.commands.execute(new RecordAuditReturnCommand({ auditId, partnerId, returnedOn }, ctx));
  }
}
