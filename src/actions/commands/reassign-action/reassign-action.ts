import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { toOwners, type OwnerDto } from '../action-owner.dto';
import { CommandDto } from '../../../http/command.dto';
import { AreOwners, IsText } from '../action-fields';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import { businessDate, ownerFacts } from '../reference-facts';
import { CLOCK, type Clock } from '../../../shared/clock';
import type { CommandData } from '../../../ledger/aggregate';

export class ReassignActionDto extends CommandDto {
  @AreOwners()
  owners!: OwnerDto[];

  @IsText(1000, 'Why the owners change', true)
  reason?: string;
}

export class ReassignActionCommand extends LedgerCommand<CommandData<ActionCommand, 'reassign-action', 'facts'>> {}

@CommandHandler(ReassignActionCommand)
export class ReassignActionHandler implements ICommandHandler<ReassignActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ data, ctx }: ReassignActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('reassignAction', data.actionId, ctx);
    // People and partners are other aggregates: hand the decider which are missing, and the people's partners that day.
    const facts = await ownerFacts(this.runner, data.owners, businessDate(ctx, this.clock));
    return this.runner.run(Action, data.actionId, { type: 'reassign-action', data: { ...data, facts } }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class ReassignActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/reassign')
  @CommandRoute(200, 'actions:manage', { operationId: 'reassignAction', summary: 'Give an open action new owners' })
  reassign(@RecordId('actionId') actionId: string, @Body() dto: ReassignActionDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(
      new ReassignActionCommand({ actionId, owners: toOwners(dto.owners), reason: dto.reason }, ctx),
    );
  }
}
