import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { IsText } from '../action-fields';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import { meetingFacts } from '../reference-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class CarryActionForwardDto extends CommandDto {
  @IsRecordId('The later meeting the action is now due back at (recorded first)', 'wseb-2022-07')
  toMeetingId!: string;

  @IsText(4000, 'Why it is carried forward, or what was reported', true)
  note?: string;
}

export class CarryActionForwardCommand extends LedgerCommand<
  CommandData<ActionCommand, 'carry-action-forward', 'facts'>
> {}

@CommandHandler(CarryActionForwardCommand)
export class CarryActionForwardHandler implements ICommandHandler<CarryActionForwardCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: CarryActionForwardCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('carryActionForward', data.actionId, ctx);
    // "Later" is judged against the raising meeting, which never changes: read which it was, then both meetings' dates.
    const { state } = await this.runner.load(Action, data.actionId);
    const [toMeeting, raising] = await Promise.all([
      meetingFacts(this.runner, data.toMeetingId),
      state.meetingId ? meetingFacts(this.runner, state.meetingId) : undefined,
    ]);
    const facts = { toMeeting, raisingMeetingScheduledFor: raising?.scheduledFor };
    return this.runner.run(Action, data.actionId, { type: 'carry-action-forward', data: { ...data, facts } }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class CarryActionForwardController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/carry-forward')
  @CommandRoute(200, 'actions:manage', {
    operationId: 'carryActionForward',
    summary: 'Carry an open action forward to a later meeting (each time is counted)',
  })
  carryForward(@RecordId('actionId') actionId: string, @Body() dto: CarryActionForwardDto, @Ctx() ctx: CommandContext) {
    const { toMeetingId, note } = dto;
    return this.commands.execute(new CarryActionForwardCommand({ actionId, toMeetingId, note }, ctx));
  }
}
