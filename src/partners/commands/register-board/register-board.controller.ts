import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RegisterBoardCommand } from './register-board.handler';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { BOARD_KINDS, type BoardKind } from '../../domain/board';

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
