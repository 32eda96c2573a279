import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import { IsText } from '../../../http/command-fields';
import type { CommandData } from '../../../ledger/aggregate';
import { withoutUndefined } from '../../../shared/without-undefined';
import { Board, type BoardCommand } from '../../domain/board';
import { Partner } from '../../domain/partner';
import { Person } from '../../domain/person';

export class AddBoardMemberDto extends CommandDto {
  @IsRecordId('The seat on the board, e.g. the local authority lead', 'local-authority')
  seat!: string;

  @IsRecordId('The partner the seat belongs to (registered first)', 'warwickshire-county-council')
  partnerId!: string;

  @IsRecordId('The named person holding the seat (registered first)', 'nigel-minns')
  personId!: string;

  @ApiProperty({ description: 'A statutory partner seat (local authority, police, ICB)' })
  @IsBoolean()
  statutory!: boolean;

  @ApiProperty({ example: '2022-01-01' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'Last day held, when already known' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsText(500, "Where the membership is recorded, e.g. the minutes' attendance list", true)
  source?: string;
}

export class AddBoardMemberCommand extends LedgerCommand<
  CommandData<BoardCommand, 'add-board-member', 'partnerExists' | 'personExists'>
> {}

@CommandHandler(AddBoardMemberCommand)
export class AddBoardMemberHandler implements ICommandHandler<AddBoardMemberCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AddBoardMemberCommand) {
    // The partner and the person are other aggregates: read whether they exist and hand the facts to the decider.
    const partnerExists = (await this.runner.load(Partner, data.partnerId)).state.exists;
    const personExists = (await this.runner.load(Person, data.personId)).state.exists;
    const command = { type: 'add-board-member' as const, data: { ...data, partnerExists, personExists } };
    return this.runner.run(Board, data.boardId, command, ctx);
  }
}

@ApiTags('boards')
@Controller('boards')
export class AddBoardMemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':boardId/members')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'addBoardMember',
    summary: 'Seat a named person on a board for a partner, from a date',
  })
  add(@RecordId('boardId') boardId: string, @Body() dto: AddBoardMemberDto, @Ctx() ctx: CommandContext) {
    const { seat, partnerId, personId, statutory, from, to, source } = dto;
    const data = withoutUndefined({ boardId, seat, partnerId, personId, statutory, from, to, source });
    return this.commands.execute(new AddBoardMemberCommand(data, ctx));
  }
}
