import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { toOwners, type OwnerDto } from '../action-owner.dto';
import { RaiseActionCommand } from './raise-action.handler';
import { IsInt, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { AreOwners, IsDueDate, IsOptionalRecordId, IsText } from '../action-fields';

export class RaiseActionDto extends CommandDto {
  @IsRecordId('Stable id of the new action', 'wseb-2022-05-10-a1')
  actionId!: string;

  @IsRecordId('The meeting that raised the action (recorded first)', 'wseb-2022-05-10')
  meetingId!: string;

  @ApiProperty({
    description: 'The agenda item of that meeting the action comes from',
    example: 3,
    minimum: 1,
    maximum: 999,
  })
  @IsInt()
  @Min(1)
  @Max(999)
  itemNumber!: number;

  @IsText(2000, 'What is to be done, as the minutes record it')
  text!: string;

  @AreOwners()
  owners!: OwnerDto[];

  @IsDueDate('Give a due date, a target meeting or both', true)
  dueDate?: string;

  @IsOptionalRecordId('The later meeting the action is due back at (recorded first)', 'wseb-2022-06-07')
  targetMeetingId?: string;
}

@ApiTags('actions')
@Controller('actions')
export class RaiseActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('actions:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'raiseAction',
    summary: 'Raise an action from a meeting agenda item, with owners and a due date or target meeting',
  })
  raise(@Body() dto: RaiseActionDto, @Ctx() ctx: CommandContext) {
    const { actionId, meetingId, itemNumber, text, dueDate, targetMeetingId } = dto;
    return this.commands.execute(
      new RaiseActionCommand(
        { actionId, meetingId, itemNumber, text, owners: toOwners(dto.owners), dueDate, targetMeetingId },
        ctx,
      ),
    );
  }
}
