import { Module } from '@nestjs/common';
import { AmendPledgeController } from './commands/amend-pledge/amend-pledge.controller';
import { AmendPledgeHandler } from './commands/amend-pledge/amend-pledge.handler';
import { PledgeContributionController } from './commands/pledge-contribution/pledge-contribution.controller';
import { PledgeContributionHandler } from './commands/pledge-contribution/pledge-contribution.handler';
import { RecordPaymentController } from './commands/record-payment/record-payment.controller';
import { RecordPaymentHandler } from './commands/record-payment/record-payment.handler';
import { ReviseBudgetController } from './commands/revise-budget/revise-budget.controller';
import { ReviseBudgetHandler } from './commands/revise-budget/revise-budget.handler';
import { SetBudgetController } from './commands/set-budget/set-budget.controller';
import { SetBudgetHandler } from './commands/set-budget/set-budget.handler';
import { UnderwriteShortfallController } from './commands/underwrite-shortfall/underwrite-shortfall.controller';
import { UnderwriteShortfallHandler } from './commands/underwrite-shortfall/underwrite-shortfall.handler';
import { WithdrawPledgeController } from './commands/withdraw-pledge/withdraw-pledge.controller';
import { WithdrawPledgeHandler } from './commands/withdraw-pledge/withdraw-pledge.handler';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [SetBudgetController, SetBudgetHandler],
  [ReviseBudgetController, ReviseBudgetHandler],
  [PledgeContributionController, PledgeContributionHandler],
  [AmendPledgeController, AmendPledgeHandler],
  [WithdrawPledgeController, WithdrawPledgeHandler],
  [RecordPaymentController, RecordPaymentHandler],
  [UnderwriteShortfallController, UnderwriteShortfallHandler],
] as const;

/** Partnership budget, pledges, payments and underwriting: one `budget-<year>` stream per financial year. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class FundingModule {}
