import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { BOARD_KINDS, type BoardKind, Board, type BoardCommand } from '../../domain/board';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterBoardDto extends CommandDto {
  @IsRecordId('Stable board id (short names collide: both counties have a "WSCB")', 'wseb')
  boardId!: string;

  @ApiProperty({ example: 'Warwickshire Safeguarding Executive Board', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: BOARD_KINDS })
  @IsIn(BOARD_KINDS)
  kind!: BoardKind;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The board this group reports to (registered first)', 'wseb')
  parentBoardId?: string;
}

export class RegisterBoardCommand extends LedgerCommand<CommandData<BoardCommand, 'register-board', 'parentExists'>> {}

@CommandHandler(RegisterBoardCommand)
export class RegisterBoardHandler implements ICommandHandler<RegisterBoardCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RegisterBoardCommand) {
    // A parent board is another aggregate: read it and hand the fact to the pure decider.
    const parentExists =
      data.parentBoardId === undefined ? undefined : (await this.runner.load(Board, data.parentBoardId)).state.exists;
    return this.runner.run(Board, data.boardId, { type: 'register-board', data: { ...data, parentExists } }, ctx);
  }
}

@ApiTags('boards')
@Controller('boards')
export class RegisterBoardController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'partners:manage', {
    operationId: 'registerBoard',
    summary: 'Register a board, subgroup or task-and-finish group',
  })
  register(@Body() dto: RegisterBoardDto, @Ctx() ctx: CommandContext) {
    const { boardId, name, kind, parentBoardId } = dto;
    return this.commands.execute(new RegisterBoardCommand({ boardId, name, kind, parentBoardId }, ctx));
  }
}
