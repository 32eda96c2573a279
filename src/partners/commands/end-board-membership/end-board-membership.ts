import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601 } from 'class-validator';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { Board, type BoardCommand } from '../../domain/board';

export class EndBoardMembershipDto extends CommandDto {
  @ApiProperty({ example: '2022-12-31', description: 'The last day the person held the seat' })
  @IsISO8601({ strict: true })
  to!: string;
}

export class EndBoardMembershipCommand extends LedgerCommand<CommandData<BoardCommand, 'end-board-membership'>> {}

@CommandHandler(EndBoardMembershipCommand)
export class EndBoardMembershipHandler extends DeciderHandler(Board, 'end-board-membership', (data) => data.boardId) {}

@ApiTags('boards')
@Controller('boards')
export class EndBoardMembershipController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':boardId/members/:seat/:personId/end')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'endBoardMembership',
    summary: "End a person's open membership of a seat on a date",
  })
  end(
    @RecordId('boardId') boardId: string,
    @RecordId('seat') seat: string,
    @RecordId('personId') personId: string,
    @Body() dto: EndBoardMembershipDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EndBoardMembershipCommand({ boardId, seat, personId, to: dto.to }, ctx));
  }
}
