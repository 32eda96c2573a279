import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { Board, type BoardCommand } from '../../domain/board';
import { Person } from '../../domain/person';

export class ArrangeBoardDeputyDto extends CommandDto {
  @IsRecordId('The person who deputises for the seat (registered first)', 'john-coleman')
  deputyPersonId!: string;

  @ApiProperty({ example: '2022-03-01' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'Last day of the arrangement, when known' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ArrangeBoardDeputyCommand extends LedgerCommand<
  CommandData<BoardCommand, 'arrange-board-deputy', 'personExists'>
> {}

@CommandHandler(ArrangeBoardDeputyCommand)
export class ArrangeBoardDeputyHandler implements ICommandHandler<ArrangeBoardDeputyCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ArrangeBoardDeputyCommand) {
    const personExists = (await this.runner.load(Person, data.deputyPersonId)).state.exists;
    const command = { type: 'arrange-board-deputy' as const, data: { ...data, personExists } };
    return this.runner.run(Board, data.boardId, command, ctx);
  }
}

@ApiTags('boards')
@Controller('boards')
export class ArrangeBoardDeputyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':boardId/members/:seat/deputies')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'arrangeBoardDeputy',
    summary: 'Name a standing deputy for a seat, for a period',
  })
  arrange(
    @RecordId('boardId') boardId: string,
    @RecordId('seat') seat: string,
    @Body() dto: ArrangeBoardDeputyDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { deputyPersonId, from, to } = dto;
    const data = { boardId, seat, deputyPersonId, from, ...(to ? { to } : {}) };
    return this.commands.execute(new ArrangeBoardDeputyCommand(data, ctx));
  }
}
