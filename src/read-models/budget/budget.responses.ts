import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import {
  PLEDGE_BASES,
  UNDERWRITING_BASES,
  UNDERWRITING_METHODS,
  type PledgeBasis,
  type UnderwritingBasis,
  type UnderwritingMethod,
} from '../../funding';
import { ActorSchema } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import { BudgetSpendingSchema, YearEndSchema } from './budget-spending.responses';

/**
 * The budget read model's answers as OpenAPI classes (all money integer pence). The controllers
 * return these types, so the compiler checks every required field against what BudgetReader builds
 * (budget-doc.ts, budget.summary.ts, budget.reader.ts).
 */
const pence = (description?: string) => ApiProperty({ type: 'integer', description });
const SHORTFALL_SOURCES = ['underwriting-agreement', 'agreed-contributions'] as const;
const OWNER = {
  type: String,
  nullable: true,
  example: 'wseb',
  description:
    "The board whose budget it is; null for the ledger's own partnership (every budget set without an owner)",
};

@ApiSchema({ name: 'BudgetLine' })
export class BudgetLineSchema {
  @ApiProperty() lineId!: string;
  @ApiProperty() name!: string;
  @pence() amountPence!: number;
}

@ApiSchema({ name: 'BudgetRevision' })
export class BudgetRevisionSchema {
  @pence() previousTotalPence!: number;
  @pence() totalPence!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

@ApiSchema({ name: 'UnderwritingShare' })
export class UnderwritingShareSchema {
  @ApiProperty() partnerId!: string;
  @pence() sharePence!: number;
  @ApiPropertyOptional() weight?: number;
  @ApiPropertyOptional({ type: 'integer' }) capPence?: number;
}

class UnderwritingFields {
  @ApiProperty() underwritingId!: string;
  @pence('The shortfall the board agreed to cover') shortfallPence!: number;
  @ApiProperty({ enum: UNDERWRITING_METHODS }) method!: UnderwritingMethod;
  @ApiProperty({ enum: UNDERWRITING_BASES }) basis!: UnderwritingBasis;
  @pence() coveredPence!: number;
  @pence() uncoveredPence!: number;
  @ApiProperty({ format: 'date-time' }) agreedAt!: string;
}

@ApiSchema({ name: 'UnderwritingAgreement', description: 'An underwriting agreement exactly as recorded' })
export class UnderwritingEntrySchema extends UnderwritingFields {
  @ApiProperty({ type: [UnderwritingShareSchema] }) shares!: UnderwritingShareSchema[];
}

@ApiSchema({ name: 'CurrentUnderwriting', description: 'The latest agreement; shares are on the partners' })
export class CurrentUnderwritingSchema extends UnderwritingFields {
  @ApiProperty({ type: 'integer' }) partnerCount!: number;
}

@ApiSchema({ name: 'Pledge' })
export class PledgeViewSchema {
  @ApiProperty() pledgeId!: string;
  @ApiProperty() partnerId!: string;
  @pence() amountPence!: number;
  @ApiProperty({ enum: PLEDGE_BASES }) basis!: PledgeBasis;
  @ApiProperty() withdrawn!: boolean;
  @pence('Received against this pledge') paidPence!: number;
  @ApiProperty({ format: 'date-time' }) pledgedAt!: string;
  @ApiPropertyOptional({ description: 'Where the pledge is recorded and what of it is illustrative' })
  source?: string;
  @ApiPropertyOptional({ format: 'date-time' }) amendedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) withdrawnAt?: string;
  @pence() outstandingPence!: number;
}

@ApiSchema({ name: 'Invoice', description: 'An invoice raised to a partner for its contribution' })
export class InvoiceSchema {
  @ApiProperty() invoiceId!: string;
  @ApiProperty() partnerId!: string;
  @pence() amountPence!: number;
  @ApiProperty({ format: 'date' }) raisedOn!: string;
  @ApiProperty({ description: "The invoice's number or reference in the finance system" }) reference!: string;
}

@ApiSchema({ name: 'PartnerUnderwriting' })
export class PartnerUnderwritingSchema {
  @pence() sharePence!: number;
  @ApiProperty({ type: 'integer', nullable: true }) capPence!: number | null;
  @ApiProperty({ enum: UNDERWRITING_BASES }) basis!: UnderwritingBasis;
  @ApiPropertyOptional({ description: 'The partner that undertook the share, when it came to this one by succession' })
  undertakenBy?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Held by this partner since the succession date' })
  heldSince?: string;
}

@ApiSchema({ name: 'PartnerContribution' })
export class PartnerContributionSchema {
  @ApiProperty() partnerId!: string;
  @ApiProperty({ type: String, nullable: true }) partnerName!: string | null;
  @ApiProperty({ type: [PledgeViewSchema] }) pledges!: PledgeViewSchema[];
  @pence() agreedPence!: number;
  @pence('Shown, not counted') inPrinciplePence!: number;
  @pence('Caps of "up to" pledges: shown, not counted') upToPence!: number;
  @pence() paidPence!: number;
  @pence('Agreed pledges not yet paid, less money received without a pledge') outstandingPence!: number;
  @ApiProperty({ type: [InvoiceSchema] }) invoices!: InvoiceSchema[];
  @pence('Invoices raised to the partner') invoicedPence!: number;
  @pence('Invoiced less paid (every payment from the partner), floored at zero') invoicedUnpaidPence!: number;
  @ApiProperty({ type: PartnerUnderwritingSchema, nullable: true }) underwriting!: PartnerUnderwritingSchema | null;
  @pence() countedPence!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Agreed pledges only, over the budget total, in percent to two places (null with a zero budget)',
  })
  pledgeShareOfBudgetPercent!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "Agreed pledges plus the partner's underwriting share (countedPence), over the budget total, in percent to two places",
  })
  pledgeAndUnderwritingShareOfBudgetPercent!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    deprecated: true,
    description:
      'Pledges plus underwriting over the budget total: the same figure as pledgeAndUnderwritingShareOfBudgetPercent, kept under its first name',
  })
  shareOfBudgetPercent!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "countedPence over all partners' counted money, in percent to two places (null when nothing is counted)",
  })
  shareOfCountedPercent!: number | null;
}

@ApiSchema({ name: 'BudgetContributions' })
export class BudgetContributionsSchema {
  @pence() agreedPence!: number;
  @pence() inPrinciplePence!: number;
  @pence() upToPence!: number;
  @pence() paidPence!: number;
  @pence() outstandingPence!: number;
  @pence('Invoices raised to partners') invoicedPence!: number;
  @pence('Invoiced less paid, per partner, summed') invoicedUnpaidPence!: number;
}

@ApiSchema({ name: 'BudgetShortfall' })
export class BudgetShortfallSchema {
  @pence() shortfallPence!: number;
  @ApiProperty({ enum: SHORTFALL_SOURCES }) source!: (typeof SHORTFALL_SOURCES)[number];
  @pence() budgetLessAgreedPence!: number;
  @ApiProperty({ type: 'integer', nullable: true }) statedPence!: number | null;
}

@ApiSchema({ name: 'BudgetLastUpdate' })
export class BudgetLastUpdateSchema {
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
  @ApiProperty({ type: 'integer' }) position!: number;
}

/** One year as a board or an inspector reads it; also the data of the stream's "budget" events. */
@ApiSchema({ name: 'BudgetYear' })
export class BudgetYearViewSchema {
  @ApiProperty(OWNER) ownerId!: string | null;
  @ApiProperty({ example: '2022-23' }) financialYear!: string;
  @pence() totalPence!: number;
  @ApiProperty({ type: [BudgetLineSchema] }) lines!: BudgetLineSchema[];
  @pence() allocatedPence!: number;
  @pence() unallocatedPence!: number;
  @ApiProperty({ type: [BudgetRevisionSchema] }) revisions!: BudgetRevisionSchema[];
  @ApiProperty({ type: BudgetContributionsSchema }) contributions!: BudgetContributionsSchema;
  @ApiProperty({ type: BudgetShortfallSchema }) shortfall!: BudgetShortfallSchema;
  @ApiProperty({ type: CurrentUnderwritingSchema, nullable: true }) underwriting!: CurrentUnderwritingSchema | null;
  @ApiProperty({ type: [UnderwritingEntrySchema] }) underwritings!: UnderwritingEntrySchema[];
  @ApiProperty({ type: [PartnerContributionSchema] }) partners!: PartnerContributionSchema[];
  @ApiProperty({ type: BudgetSpendingSchema }) spending!: BudgetSpendingSchema;
  @ApiProperty({ type: YearEndSchema }) yearEnd!: YearEndSchema;
  @ApiPropertyOptional({ type: BudgetLastUpdateSchema, nullable: true }) lastUpdate?: BudgetLastUpdateSchema | null;
}

@ApiSchema({ name: 'BudgetYearAsOf' })
export class BudgetYearViewAsOfSchema extends BudgetYearViewSchema {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}

/** A list row: the year's headline figures. */
@ApiSchema({ name: 'BudgetYearItem' })
export class BudgetYearItemSchema {
  @ApiProperty(OWNER) ownerId!: string | null;
  @ApiProperty({ example: '2022-23' }) financialYear!: string;
  @pence() totalPence!: number;
  @pence() agreedPence!: number;
  @pence() paidPence!: number;
  @pence() shortfallPence!: number;
  @ApiProperty({ enum: SHORTFALL_SOURCES }) shortfallSource!: (typeof SHORTFALL_SOURCES)[number];
  @pence() underwrittenPence!: number;
  @pence() uncoveredPence!: number;
  @ApiProperty({ type: 'integer' }) partnerCount!: number;
  @pence('Commitments not yet settled') committedPence!: number;
  @pence('Actual spends') spentPence!: number;
  @ApiProperty() closed!: boolean;
  @ApiPropertyOptional({ type: BudgetLastUpdateSchema, nullable: true }) lastUpdate?: BudgetLastUpdateSchema | null;
}
