import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { EachRecordId, IsItemNumber } from '../../../http/command-fields';
import { IsRecordId } from '../../../http/ids';
import { Person } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class AddAgendaItemDto extends CommandDto {
  @IsItemNumber('Item number, unique in the meeting; decisions and actions cite it', 4)
  itemNumber!: number;

  @ApiPropertyOptional({
    description: "The item's number as the minutes write it, when it is not a plain number (sub-items, parts)",
    example: '2.1',
    maxLength: 20,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z .()-]{0,19}$/, {
    message: '$property must be a short item label such as 2.1 or Part 1',
  })
  label?: string;

  @ApiProperty({ example: 'Child Safeguarding Practice Review', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Who present the item, in the order the minutes name them (each registered first)',
    example: ['julie-smith', 'jo-davies'],
    minItems: 1,
    maxItems: 20,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @EachRecordId()
  presenterPersonIds?: string[];

  @ApiPropertyOptional({
    deprecated: true,
    description: 'One presenter: the earlier form of presenterPersonIds (listed first when both are given)',
    example: 'nicki-pettitt',
  })
  @IsOptional()
  @IsRecordId('Who presents the item (registered first)', 'nicki-pettitt')
  presenterPersonId?: string;
}

/** Presenters from the list and the deprecated single field, each once, in the order given. */
const presentersOf = (dto: AddAgendaItemDto): string[] | undefined => {
  const all = [...(dto.presenterPersonId ? [dto.presenterPersonId] : []), ...(dto.presenterPersonIds ?? [])];
  return all.length > 0 ? all : undefined;
};

export class AddAgendaItemCommand extends LedgerCommand<
  CommandData<MeetingCommand, 'add-agenda-item', 'unregisteredPresenterIds'>
> {}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AddAgendaItemCommand) {
    // Presenters are person aggregates: read which do not exist and hand the fact to the decider.
    const presenters = data.presenterPersonIds ?? [];
    const registered = await Promise.all(presenters.map((p) => this.runner.exists(Person.category, p)));
    const unregisteredPresenterIds = presenters.filter((_, i) => !registered[i]);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'add-agenda-item', data: { ...data, unregisteredPresenterIds } },
      ctx,
    );
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class AddAgendaItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agenda-items')
  @CommandRoute(200, 'meetings:record', {
    operationId: 'addAgendaItem',
    summary: 'Add a numbered item to the meeting agenda',
  })
  add(@RecordId('meetingId') meetingId: string, @Body() dto: AddAgendaItemDto, @Ctx() ctx: CommandContext) {
    const { itemNumber, label, title } = dto;
    const presenterPersonIds = presentersOf(dto);
    return this.commands.execute(
      new AddAgendaItemCommand({ meetingId, itemNumber, label, title, presenterPersonIds }, ctx),
    );
  }
}
