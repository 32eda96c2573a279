import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { IsItemNumber } from '../../../http/command-fields';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import { Person } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';

export class RecordContributionDto extends CommandDto {
  @IsItemNumber('The agenda item it was said under', 3)
  itemNumber!: number;

  @IsRecordId('Who said it, as the minutes attribute it (registered first)', 'sarah-wilkins')
  personId!: string;

  @ApiProperty({
    description: 'What they said, as the minutes record it',
    example: "Said the conference on 'Parental Conflict' is fully booked",
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  summary!: string;

  @ApiPropertyOptional({
    description: 'Why the attribution is as it is (e.g. initials of a member who sent apologies)',
    example: 'Attributed to "SW", who sent apologies; kept as written',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  note?: string;
}

export class RecordContributionCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'record-contribution', 'personRegistered'>
> {}

@CommandHandler(RecordContributionCommand)
export class RecordContributionHandler implements ICommandHandler<RecordContributionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordContributionCommand) {
    // The person is another aggregate: hand the decider whether they exist; their attendance is the meeting's own.
    const personRegistered = await this.runner.exists(Person.category, data.personId);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'record-contribution', data: { ...data, personRegistered } },
      ctx,
    );
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class RecordContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/contributions')
  @CommandRoute(201, 'meetings:record', {
    operationId: 'recordContribution',
    summary:
      "Record who said what on an agenda item, where the minutes attribute it; the person's attendance status at the meeting is recorded with it",
  })
  record(@RecordId('meetingId') meetingId: string, @Body() dto: RecordContributionDto, @Ctx() ctx: CommandContext) {
    const { itemNumber, personId, summary, note } = dto;
    return this.commands.execute(
      new RecordContributionCommand({ meetingId, itemNumber, personId, summary, note }, ctx),
    );
  }
}
