import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RegisterBoardCommand } from './register-board.command';
import { RegisterBoardDto } from './register-board.dto';

@ApiTags('boards')
@Controller('boards')
export class RegisterBoardController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('partners:manage')
  @CommandEndpoint(201)
  @ApiOperation({ operationId: 'registerBoard', summary: 'Register a board, subgroup or task-and-finish group' })
  register(@Body() dto: RegisterBoardDto, @Ctx() ctx: CommandContext) {
    const { boardId, name, kind, parentBoardId } = dto;
    return this.commands.execute(new RegisterBoardCommand({ boardId, name, kind, parentBoardId }, ctx));
  }
}
