import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { Action } from '../../../actions';
import { CaseReview } from '../../../case-reviews';
import { Decision } from '../../../decisions';
import { Ctx } from '../../../http/command-context.decorator';
import { IsOneOf, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import {
  ForwardPlanItem,
  SOURCE_KINDS,
  type ForwardPlanCommand,
  type PlanSource,
  type SourceKind,
} from '../../domain/forward-plan-item';
import { meetingFacts, PlanTargetDto, targetOf } from '../forward-plan-fields';

/** The stream category a source kind's id names; an inspection recommendation lives inside its inspection's stream, unchecked. */
const SOURCE_CATEGORY: Partial<Record<SourceKind, string>> = {
  action: Action.category,
  decision: Decision.category,
  'case-review': CaseReview.category,
};

export class PlanSourceDto extends CommandDto {
  @IsOneOf(SOURCE_KINDS, 'What the item comes from')
  kind!: SourceKind;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The record it comes from (checked to exist for an action, decision or case review)', 'wseb-2022-09-a3')
  id?: string;
}

export class PlanItemDto extends PlanTargetDto {
  @IsRecordId('Stable id of the forward plan item', 'wseb-fp-2023-04-police-inspection')
  itemId!: string;

  @IsRecordId('The board whose forward plan it is on', 'wseb')
  boardId!: string;

  @IsText(300, 'What is to come to the board', false, false)
  title!: string;

  @ApiProperty({ type: PlanSourceDto, description: 'Where the item comes from' })
  @ValidateNested()
  @Type(() => PlanSourceDto)
  from!: PlanSourceDto;
}

export class PlanItemCommand extends LedgerCommand<
  CommandData<ForwardPlanCommand, 'plan-item', 'boardExists' | 'sourceExists' | 'meeting'>
> {}

@CommandHandler(PlanItemCommand)
export class PlanItemHandler implements ICommandHandler<PlanItemCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: PlanItemCommand) {
    const category = SOURCE_CATEGORY[data.from.kind];
    const [board, sourceExists, meeting] = await Promise.all([
      this.runner.load(Board, data.boardId),
      category && data.from.id ? this.runner.exists(category, data.from.id) : undefined,
      'meetingId' in data.target ? meetingFacts(this.runner, data.target.meetingId) : undefined,
    ]);
    const facts = {
      boardExists: board.state.exists,
      ...(sourceExists !== undefined ? { sourceExists } : {}),
      ...(meeting ? { meeting } : {}),
    };
    return this.runner.run(ForwardPlanItem, data.itemId, { type: 'plan-item', data: { ...data, ...facts } }, ctx);
  }
}

@ApiTags('forward-plan')
@Controller('forward-plan')
export class PlanItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'forward-plan:manage', {
    operationId: 'planForwardPlanItem',
    summary: "Put an item on a board's forward plan for a future meeting or month, saying where it comes from",
  })
  plan(@Body() dto: PlanItemDto, @Ctx() ctx: CommandContext) {
    const { itemId, boardId, title } = dto;
    const from: PlanSource = { kind: dto.from.kind, ...(dto.from.id ? { id: dto.from.id } : {}) };
    return this.commands.execute(new PlanItemCommand({ itemId, boardId, target: targetOf(dto), title, from }, ctx));
  }
}
