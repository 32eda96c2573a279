import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { IsOptionalRecordId } from '../../../http/optional-record-id';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import {
  Budget,
  SPENDING_KINDS,
  SPENDING_REFERENCE_KINDS,
  type BudgetCommand,
  type SpendingKind,
  type SpendingReferenceKind,
} from '../../domain/budget';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { Action } from '../../../actions';
import { MultiAgencyAudit, ThematicReview } from '../../../assurance';
import { CaseReview } from '../../../case-reviews';
import { Decision } from '../../../decisions';
import { Inspection } from '../../../inspections';
import { Meeting } from '../../../meetings';
import { IsPence } from '../../http/pence.decorator';

/** The stream category of each kind of record a spend can be for. */
const CATEGORY_OF: Record<SpendingReferenceKind, string> = {
  'case-review': CaseReview.category,
  'thematic-review': ThematicReview.category,
  'multi-agency-audit': MultiAgencyAudit.category,
  inspection: Inspection.category,
  meeting: Meeting.category,
  decision: Decision.category,
  action: Action.category,
};

export class SpendingReferenceDto {
  @ApiProperty({ enum: SPENDING_REFERENCE_KINDS, example: 'case-review' })
  @IsIn(SPENDING_REFERENCE_KINDS)
  kind!: SpendingReferenceKind;

  @IsRecordId('The record the money was spent for (it must be recorded)', 'cspr-child-a')
  id!: string;
}

export class RecordSpendingDto extends CommandDto {
  @IsRecordId('Stable id of the spend', 'reviews-independent-author-child-a')
  spendId!: string;

  @ApiProperty({ enum: SPENDING_KINDS, description: 'commitment: promised, not yet paid; actual: paid out' })
  @IsIn(SPENDING_KINDS)
  kind!: SpendingKind;

  @IsRecordId("The budget line it is spent against (one of the year's lines)", 'reviews')
  lineId!: string;

  @IsPence('Amount spent or committed', 1_200_000, 1)
  amountPence!: number;

  @ApiProperty({ description: 'Date of the order or payment, within the financial year', format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  spentOn!: string;

  @ApiProperty({ example: 'Independent author for the child A practice review', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  description!: string;

  @ApiPropertyOptional({ type: SpendingReferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpendingReferenceDto)
  reference?: SpendingReferenceDto;

  @IsOptionalRecordId('actual only: the commitment on the same line this payment settles')
  settlesCommitmentId?: string;
}

export class RecordSpendingCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'record-spending', 'referenceExists'>
> {}

@CommandHandler(RecordSpendingCommand)
export class RecordSpendingHandler implements ICommandHandler<RecordSpendingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordSpendingCommand) {
    const { reference } = data;
    const referenceExists = reference ? await this.runner.exists(CATEGORY_OF[reference.kind], reference.id) : true;
    return this.runner.run(
      Budget,
      budgetId(data),
      { type: 'record-spending', data: { ...data, referenceExists } },
      ctx,
    );
  }
}

@ApiTags('funding')
@Controller('budgets')
export class RecordSpendingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/spending')
  @CommandRoute(201, 'funding:manage', {
    operationId: 'recordSpending',
    summary:
      "Record a commitment or an actual spend against one of a year's budget lines (refused once the year is closed)",
  })
  record(@FinancialYearParam() financialYear: string, @Body() dto: RecordSpendingDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/spending')
  @OwnedBudgetCommand('recordSpendingForOwner', "Record a commitment or an actual spend against a year's budget line")
  recordForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: RecordSpendingDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: RecordSpendingDto, ctx: CommandContext) {
    const { spendId, kind, lineId, amountPence, spentOn, description, reference, settlesCommitmentId } = dto;
    return this.commands.execute(
      new RecordSpendingCommand(
        {
          ...key,
          spendId,
          kind,
          lineId,
          amountPence,
          spentOn,
          description,
          ...(reference ? { reference: { kind: reference.kind, id: reference.id } } : {}),
          ...(settlesCommitmentId ? { settlesCommitmentId } : {}),
        },
        ctx,
      ),
    );
  }
}
