import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Action } from '../../../actions';
import { Ctx } from '../../../http/command-context.decorator';
import { IsIdList, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';
import { unrecorded } from '../reference-facts';

export class RecordAuditFindingDto extends CommandDto {
  @IsRecordId('Stable id of the finding', 'think-family')
  findingId!: string;

  @IsText(4000, 'What the audit found (no names)')
  text!: string;

  @IsIdList('Actions (actions context) resulting from it; more can be linked later')
  actionIds?: string[];
}

export class RecordAuditFindingCommand extends LedgerCommand<
  CommandData<MultiAgencyAuditCommand, 'record-audit-finding', 'missingActionIds'>
> {}

@CommandHandler(RecordAuditFindingCommand)
export class RecordAuditFindingHandler implements ICommandHandler<RecordAuditFindingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordAuditFindingCommand) {
    const missingActionIds = await unrecorded(this.runner, Action.category, data.actionIds);
    const command = { type: 'record-audit-finding' as const, data: { ...data, missingActionIds } };
    return this.runner.run(MultiAgencyAudit, data.auditId, command, ctx);
  }
}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class RecordAuditFindingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':auditId/findings')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'recordAuditFinding',
    summary: 'Record a finding of the audit with the tracked actions resulting from it',
  })
  record(@RecordId('auditId') auditId: string, @Body() dto: RecordAuditFindingDto, @Ctx() ctx: CommandContext) {
    const { findingId, text, actionIds = [] } = dto;
    return this.commands.execute(new RecordAuditFindingCommand({ auditId, findingId, text, actionIds }, ctx));
  }
}
