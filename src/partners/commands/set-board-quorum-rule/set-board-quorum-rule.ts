import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { IsText } from '../../../http/command-fields';
import { Board, type BoardCommand, QUORUM_RULES, type QuorumRuleKind } from '../../domain/board';

export class SetBoardQuorumRuleDto extends CommandDto {
  @ApiProperty({ enum: QUORUM_RULES })
  @IsIn(QUORUM_RULES)
  rule!: QuorumRuleKind;

  @ApiPropertyOptional({ description: 'With minimum-count: members (or deputies) who must attend', example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  minimum?: number;

  @ApiProperty({ example: '2022-01-01', description: 'The rule is in force from this date until the next one' })
  @IsISO8601({ strict: true })
  from!: string;

  @IsText(500, 'Where the rule comes from (terms of reference), or why it is assumed', true)
  source?: string;
}

export class SetBoardQuorumRuleCommand extends LedgerCommand<CommandData<BoardCommand, 'set-board-quorum-rule'>> {}

@CommandHandler(SetBoardQuorumRuleCommand)
export class SetBoardQuorumRuleHandler extends DeciderHandler(Board, 'set-board-quorum-rule', (data) => data.boardId) {}

@ApiTags('boards')
@Controller('boards')
export class SetBoardQuorumRuleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':boardId/quorum-rules')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'setBoardQuorumRule',
    summary: "Set the board's quorum rule from a date",
  })
  set(@RecordId('boardId') boardId: string, @Body() dto: SetBoardQuorumRuleDto, @Ctx() ctx: CommandContext) {
    const { rule, minimum, from, source } = dto;
    const data = { boardId, rule, from, ...(minimum !== undefined ? { minimum } : {}), ...(source ? { source } : {}) };
    return this.commands.execute(new SetBoardQuorumRuleCommand(data, ctx));
  }
}
