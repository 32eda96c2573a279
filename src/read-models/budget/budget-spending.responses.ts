import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { SPENDING_KINDS, SPENDING_REFERENCE_KINDS, type SpendingKind, type SpendingReferenceKind } from '../../funding';

/**
 * The budget view's spending and year-end as OpenAPI classes (integer pence); the rules are in
 * projections/budget/budget-spending.summary.ts.
 */
const pence = (description?: string) => ApiProperty({ type: 'integer', description });
const nullablePence = (description?: string) => ApiProperty({ type: 'integer', nullable: true, description });

@ApiSchema({ name: 'SpendingFigures' })
export class SpendingFiguresSchema {
  @pence() budgetPence!: number;
  @pence('Commitments not yet settled by an actual spend') committedPence!: number;
  @pence('Actual spends') spentPence!: number;
  @pence('Budget less spent and committed; negative when overspent') remainingPence!: number;
}

@ApiSchema({ name: 'LineSpending' })
export class LineSpendingSchema extends SpendingFiguresSchema {
  @ApiProperty() lineId!: string;
  @ApiProperty() name!: string;
}

@ApiSchema({ name: 'SpendingReference' })
export class SpendingReferenceSchema {
  @ApiProperty({ enum: SPENDING_REFERENCE_KINDS }) kind!: SpendingReferenceKind;
  @ApiProperty() id!: string;
}

@ApiSchema({ name: 'Spend' })
export class SpendEntrySchema {
  @ApiProperty() spendId!: string;
  @ApiProperty({ enum: SPENDING_KINDS }) kind!: SpendingKind;
  @ApiProperty() lineId!: string;
  @pence() amountPence!: number;
  @ApiProperty({ format: 'date' }) spentOn!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: SpendingReferenceSchema }) reference?: SpendingReferenceSchema;
  @ApiPropertyOptional() settlesCommitmentId?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

@ApiSchema({ name: 'BudgetSpending' })
export class BudgetSpendingSchema {
  @ApiProperty({ type: [LineSpendingSchema] }) lines!: LineSpendingSchema[];
  @ApiProperty({ type: SpendingFiguresSchema }) totals!: SpendingFiguresSchema;
  @ApiProperty({ type: [SpendEntrySchema] }) entries!: SpendEntrySchema[];
}

@ApiSchema({ name: 'StatedPart' })
export class StatedPartSchema {
  @ApiProperty() label!: string;
  @pence() amountPence!: number;
}

class StatedFigureCheckFields {
  @pence('As the document states it') statedPence!: number;
  @ApiProperty({ type: [StatedPartSchema] }) parts!: StatedPartSchema[];
  @pence('The sum of the stated parts') partsTotalPence!: number;
  @nullablePence('Stated less the sum of its parts (null with no parts): a document that does not add up shows here')
  partsDifferencePence!: number | null;
}

@ApiSchema({ name: 'StatedOutturn' })
export class StatedOutturnSchema extends StatedFigureCheckFields {
  @pence('Actual spends recorded in the ledger') spentInLedgerPence!: number;
  @pence('Stated less spent in the ledger') ledgerDifferencePence!: number;
}

@ApiSchema({ name: 'StatedCarryForwardSpent' })
export class StatedCarryForwardSpentSchema extends StatedFigureCheckFields {
  @nullablePence('Brought forward less carried out, when both are recorded')
  broughtForwardLessCarriedOutPence!: number | null;
  @nullablePence('Stated less (brought forward less carried out)') balanceDifferencePence!: number | null;
}

@ApiSchema({ name: 'CarryForward', description: 'One carry-forward, recorded once and shown in both years' })
export class CarryForwardSchema {
  @ApiProperty({ example: '2016-17' }) fromFinancialYear!: string;
  @ApiProperty({ example: '2017-18' }) toFinancialYear!: string;
  @pence() amountPence!: number;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

@ApiSchema({ name: 'YearEnd' })
export class YearEndSchema {
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The document the close cites' }) source!: string | null;
  @ApiProperty({ description: "False when the year's budget predates the ledger" }) budgetHeld!: boolean;
  @ApiProperty({ type: StatedOutturnSchema, nullable: true }) outturn!: StatedOutturnSchema | null;
  @ApiProperty({ type: CarryForwardSchema, nullable: true, description: 'Carried into this year' })
  broughtForward!: CarryForwardSchema | null;
  @ApiProperty({ type: CarryForwardSchema, nullable: true, description: 'Carried out of this year' })
  carriedOut!: CarryForwardSchema | null;
  @ApiProperty({ type: StatedCarryForwardSpentSchema, nullable: true })
  carryForwardSpent!: StatedCarryForwardSpentSchema | null;
}
