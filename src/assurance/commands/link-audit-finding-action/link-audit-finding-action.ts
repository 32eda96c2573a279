import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Action } from '../../../actions';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';

export class LinkAuditFindingActionDto extends CommandDto {
  @IsRecordId('The action (actions context)', 'wseb-2022-09-22-a4')
  actionId!: string;
}

export class LinkAuditFindingActionCommand extends LedgerCommand<
  CommandData<MultiAgencyAuditCommand, 'link-audit-finding-action', 'actionExists'>
> {}

@CommandHandler(LinkAuditFindingActionCommand)
export class LinkAuditFindingActionHandler implements ICommandHandler<LinkAuditFindingActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: LinkAuditFindingActionCommand) {
    const actionExists = await this.runner.exists(Action.category, data.actionId);
    const command = { type: 'link-audit-finding-action' as const, data: { ...data, actionExists } };
    return this.runner.run(MultiAgencyAudit, data.auditId, command, ctx);
  }
}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class LinkAuditFindingActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':auditId/findings/:findingId/actions')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'linkAuditFindingAction',
    summary: 'Link a further tracked action to an audit finding',
  })
  link(
    @RecordId('auditId') auditId: string,
    @RecordId('findingId') findingId: string,
    @Body() dto: LinkAuditFindingActionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { actionId } = dto;
    return this.commands.execute(new LinkAuditFindingActionCommand({ auditId, findingId, actionId }, ctx));
  }
}
