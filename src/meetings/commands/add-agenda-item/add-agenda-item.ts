import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { Person } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class AddAgendaItemDto extends CommandDto {
  @ApiProperty({
    description: 'Item number, unique in the meeting; decisions and actions cite it',
    example: 4,
    minimum: 1,
    maximum: 999,
  })
  @IsInt()
  @Min(1)
  @Max(999)
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

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('Who presents the item (registered first)', 'nicki-pettitt')
  presenterPersonId?: string;
}

export class AddAgendaItemCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'add-agenda-item', 'presenterRegistered'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AddAgendaItemCommand) {
    // A presenter is a person aggregate: read whether they exist and hand the fact to the decider.
    const presenterRegistered =
      data.presenterPersonId === undefined
        ? undefined
        : await this.runner.exists(Person.category, data.presenterPersonId);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'add-agenda-item', data: { ...data, presenterRegistered } },
      ctx,
    );
  }
}

@ApiTags('meetings')
@Controller('meetings')
export class AddAgendaItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agenda-items')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'addAgendaItem', summary: 'Add a numbered item to the meeting agenda' })
  add(@RecordId('meetingId') meetingId: string, @Body() dto: AddAgendaItemDto, @Ctx() ctx: CommandContext) {
    const { itemNumber, label, title, presenterPersonId } = dto;
    return this.commands.execute(
      new AddAgendaItemCommand({ meetingId, itemNumber, label, title, presenterPersonId }, ctx),
    );
  }
}
