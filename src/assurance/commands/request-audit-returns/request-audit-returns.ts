import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsIdList } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../../partners';
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';
import { unrecorded } from '../reference-facts';

export class RequestAuditReturnsDto extends CommandDto {
  @IsIdList('The partners (partners context) asked to return the audit: at least one, each once', 30, [
    'warwickshire-police',
  ])
  partnerIds?: string[];

  @IsBusinessDate('The day they were asked', '2022-10-03')
  askedOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day returns are due', example: '2022-10-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  dueOn?: string;
}

export class RequestAuditReturnsCommand extends LedgerCommand<
  CommandData<MultiAgencyAuditCommand, 'request-audit-returns', 'unregisteredPartnerIds'>
> {}

@CommandHandler(RequestAuditReturnsCommand)
export class RequestAuditReturnsHandler implements ICommandHandler<RequestAuditReturnsCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RequestAuditReturnsCommand) {
    const unregisteredPartnerIds = await unrecorded(this.runner, Partner.category, data.partnerIds);
    const command = { type: 'request-audit-returns' as const, data: { ...data, unregisteredPartnerIds } };
    return this.runner.run(MultiAgencyAudit, data.auditId, command, ctx);
  }
}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class RequestAuditReturnsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':auditId/requests')
  @CommandRoute(200, 'assurance:manage', {
    operationId: 'requestAuditReturns',
    summary: 'Ask partners to return the audit: the return rate counts them',
  })
  request(@RecordId('auditId') auditId: string, @Body() dto: RequestAuditReturnsDto, @Ctx() ctx: CommandContext) {
    const { partnerIds = [], askedOn, dueOn } = dto;
    const data = { auditId, partnerIds, askedOn, ...(dueOn ? { dueOn } : {}) };
    return this.commands.execute(new RequestAuditReturnsCommand(data, ctx));
  }
}
