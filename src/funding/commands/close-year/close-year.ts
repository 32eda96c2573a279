import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import { businessDate } from '../../../ledger/business-date';
import { CLOCK, type Clock } from '../../../shared/clock';
import { Budget, type BudgetCommand, type StatedFigure } from '../../domain/budget';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, ownerFact, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsPence } from '../../http/pence.decorator';

export class StatedPartDto {
  @ApiProperty({ example: "'Something's not right' campaign", maxLength: 300 })
  @IsString()
  @Length(1, 300)
  label!: string;

  @IsPence('The part as stated', 1_800_000)
  amountPence!: number;
}

/** A total as the document states it, and the parts it lists: kept as stated even when they do not add up. */
export class StatedFigureDto {
  @IsPence('The total as stated', 6_309_600)
  statedPence!: number;

  @ApiProperty({ type: [StatedPartDto], maxItems: 50, description: 'The parts the document lists (may be none)' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StatedPartDto)
  parts!: StatedPartDto[];
}

export class CloseYearDto extends CommandDto {
  @ApiPropertyOptional({ type: StatedFigureDto, description: "The year's outturn (what was spent) as stated" })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatedFigureDto)
  outturn?: StatedFigureDto;

  @ApiPropertyOptional({
    type: StatedFigureDto,
    description: 'What the document says was spent of the money brought forward into the year',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatedFigureDto)
  carryForwardSpent?: StatedFigureDto;

  @ApiProperty({
    description: 'The document the figures are taken from',
    example: 'WSCB annual report 2016-17, Budget',
  })
  @IsString()
  @Length(1, 1000)
  @LongText()
  source!: string;
}

export class CloseYearCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'close-year', 'facts' | 'ownerExists'>
> {}

@CommandHandler(CloseYearCommand)
export class CloseYearHandler implements ICommandHandler<CloseYearCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ data, ctx }: CloseYearCommand) {
    const facts = { decidedOn: businessDate(ctx, this.clock) };
    const owner = await ownerFact(this.runner, data.ownerId);
    return this.runner.run(Budget, budgetId(data), { type: 'close-year', data: { ...data, ...owner, facts } }, ctx);
  }
}

const figure = ({ statedPence, parts }: StatedFigureDto): StatedFigure => ({
  statedPence,
  parts: parts.map(({ label, amountPence }) => ({ label, amountPence })),
});

@ApiTags('funding')
@Controller('budgets')
export class CloseYearController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/closure')
  @CommandRoute(201, 'funding:manage', {
    operationId: 'closeYear',
    summary:
      'Close a financial year with its outturn as stated (once); no more spending on it. A year whose budget predates the ledger can be closed too',
  })
  close(@FinancialYearParam() financialYear: string, @Body() dto: CloseYearDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/closure')
  @OwnedBudgetCommand('closeYearForOwner', 'Close a financial year with its outturn as stated (once)')
  closeForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: CloseYearDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: CloseYearDto, ctx: CommandContext) {
    const { outturn, carryForwardSpent, source } = dto;
    return this.commands.execute(
      new CloseYearCommand(
        {
          ...key,
          ...(outturn ? { outturn: figure(outturn) } : {}),
          ...(carryForwardSpent ? { carryForwardSpent: figure(carryForwardSpent) } : {}),
          source,
        },
        ctx,
      ),
    );
  }
}
