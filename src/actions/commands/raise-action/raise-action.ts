import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { toOwners, type OwnerDto } from '../action-owner.dto';
import { CommandDto } from '../../../http/command.dto';
import { IsItemNumber } from '../../../http/command-fields';
import { IsRecordId } from '../../../http/ids';
import { AreOwners, IsDueDate, IsOptionalRecordId, IsText } from '../action-fields';
import { Action, type ActionCommand } from '../../domain/action';
import { businessDate, meetingFacts, ownerFacts } from '../reference-facts';
import { CLOCK, type Clock } from '../../../shared/clock';
import type { CommandData } from '../../../ledger/aggregate';
import { SERVED_RECORDS, type ServedRecordsPort } from '../../../ledger/served-records.port';
import { AreServedRecords, toServed, type ServedRecordDto } from '../../../http/serves.dto';

export class RaiseActionDto extends CommandDto {
  @IsRecordId('Stable id of the new action', 'wseb-2022-05-10-a1')
  actionId!: string;

  @IsRecordId('The meeting that raised the action (recorded first)', 'wseb-2022-05-10')
  meetingId!: string;

  @IsItemNumber('The agenda item of that meeting the action comes from', 3)
  itemNumber!: number;

  @IsText(2000, 'What is to be done, as the minutes record it')
  text!: string;

  @AreOwners()
  owners!: OwnerDto[];

  @IsDueDate('Give a due date, a target meeting or both', true)
  dueDate?: string;

  @IsOptionalRecordId('The later meeting the action is due back at (recorded first)', 'wseb-2022-06-07')
  targetMeetingId?: string;

  @AreServedRecords()
  serves?: ServedRecordDto[];
}

export class RaiseActionCommand extends LedgerCommand<CommandData<ActionCommand, 'raise-action', 'facts'>> {}

@CommandHandler(RaiseActionCommand)
export class RaiseActionHandler implements ICommandHandler<RaiseActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVED_RECORDS) private readonly served: ServedRecordsPort,
  ) {}

  async execute({ data, ctx }: RaiseActionCommand) {
    // Meetings, people, partners and cited records are other aggregates: read them and hand the facts to the pure decider.
    const [meeting, targetMeeting, owners, missingServed] = await Promise.all([
      meetingFacts(this.runner, data.meetingId),
      data.targetMeetingId ? meetingFacts(this.runner, data.targetMeetingId) : undefined,
      // Owners' partners as on the day it was raised: ownership by agency follows the person at the time.
      ownerFacts(this.runner, data.owners, businessDate(ctx, this.clock)),
      this.served.missing(data.serves ?? []),
    ]);
    const facts = { meeting, targetMeeting, ...owners, missingServed };
    return this.runner.run(Action, data.actionId, { type: 'raise-action', data: { ...data, facts } }, ctx);
  }
}

@ApiTags('actions')
@Controller('actions')
export class RaiseActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'actions:manage', {
    operationId: 'raiseAction',
    summary: 'Raise an action from a meeting agenda item, with owners and a due date or target meeting',
  })
  raise(@Body() dto: RaiseActionDto, @Ctx() ctx: CommandContext) {
    const { actionId, meetingId, itemNumber, text, dueDate, targetMeetingId } = dto;
    const owners = toOwners(dto.owners);
    const serves = toServed(dto.serves);
    return this.commands.execute(
      new RaiseActionCommand({ actionId, meetingId, itemNumber, text, owners, dueDate, targetMeetingId, serves }, ctx),
    );
  }
}
