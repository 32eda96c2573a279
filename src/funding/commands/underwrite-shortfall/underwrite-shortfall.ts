import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import {
  UNDERWRITING_BASES,
  UNDERWRITING_METHODS,
  type UnderwritingBasis,
  type UnderwritingMethod,
  Budget,
  type BudgetCommand,
} from '../../domain/budget';
import { IsPence, MAX_PENCE } from '../../http/pence.decorator';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

const MAX_PARTNERS = 30;

export class UnderwriteShortfallDto extends CommandDto {
  @IsRecordId('Stable id of the underwriting agreement', 'shortfall-2022-23')
  underwritingId!: string;

  @IsPence('Shortfall to underwrite', 2_164_900, 1)
  shortfallPence!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: ID_PATTERN.source, maxLength: 80 },
    uniqueItems: true,
    minItems: 1,
    maxItems: MAX_PARTNERS,
    example: ['warwickshire-cc', 'warwickshire-police', 'cw-icb'],
    description: 'Registered partners, each once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTNERS)
  @ArrayUnique()
  @MaxLength(80, { each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of $property must be a lower-case slug (letters, digits, dashes)' })
  partnerIds!: string[];

  @ApiProperty({
    enum: UNDERWRITING_METHODS,
    description:
      'equal and proportional cover the shortfall exactly; fixed-caps never exceeds a cap and reports what is uncovered',
  })
  @IsIn(UNDERWRITING_METHODS)
  method!: UnderwritingMethod;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'number', minimum: 0, maximum: 1_000_000 },
    maxItems: MAX_PARTNERS,
    example: [50, 25, 25],
    description: 'proportional only: one non-negative weight per partner',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTNERS)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @Min(0, { each: true })
  @Max(1_000_000, { each: true })
  weights?: number[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'integer', minimum: 0, maximum: MAX_PENCE },
    maxItems: MAX_PARTNERS,
    example: [700_000, 700_000, 700_000],
    description: 'fixed-caps only: one cap per partner, integer pence',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTNERS)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_PENCE, { each: true })
  capsPence?: number[];

  @ApiProperty({ enum: UNDERWRITING_BASES })
  @IsIn(UNDERWRITING_BASES)
  basis!: UnderwritingBasis;
}

export class UnderwriteShortfallCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'underwrite-shortfall', 'unregisteredPartnerIds'>
> {}

@CommandHandler(UnderwriteShortfallCommand)
export class UnderwriteShortfallHandler implements ICommandHandler<UnderwriteShortfallCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: UnderwriteShortfallCommand) {
    // An underwriting binds every partner it names: only for whoever may act for all of them (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'underwriteShortfall', data);
    const registered = await Promise.all(data.partnerIds.map((id) => this.runner.exists('partner', id)));
    const unregisteredPartnerIds = data.partnerIds.filter((_, i) => !registered[i]);
    return this.runner.run(
      Budget,
      budgetId(data),
      { type: 'underwrite-shortfall', data: { ...data, unregisteredPartnerIds } },
      ctx,
    );
  }
}

@ApiTags('funding')
@Controller('budgets')
export class UnderwriteShortfallController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/underwritings')
  @CommandRoute(201, 'funding:manage', {
    operationId: 'underwriteShortfall',
    summary:
      'Record partners agreeing to underwrite a shortfall: each share, the total covered and any uncovered remainder',
  })
  underwrite(
    @FinancialYearParam() financialYear: string,
    @Body() dto: UnderwriteShortfallDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/underwritings')
  @OwnedBudgetCommand('underwriteShortfallForOwner', 'Record partners agreeing to underwrite a shortfall')
  underwriteForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: UnderwriteShortfallDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: UnderwriteShortfallDto, ctx: CommandContext) {
    const { underwritingId, shortfallPence, partnerIds, method, weights, capsPence, basis } = dto;
    return this.commands.execute(
      new UnderwriteShortfallCommand(
        {
          ...key,
          underwritingId,
          shortfallPence,
          partnerIds,
          method,
          basis,
          ...(weights ? { weights } : {}),
          ...(capsPence ? { capsPence } : {}),
        },
        ctx,
      ),
    );
  }
}
