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

/** Partnership budget, pledges, payments and underwriting: one `budget-<year>` stream per financial year. */
@Module({
  controllers: [
    SetBudgetController,
    ReviseBudgetController,
    PledgeContributionController,
    AmendPledgeController,
    WithdrawPledgeController,
    RecordPaymentController,
    UnderwriteShortfallController,
  ],
  providers: [
    SetBudgetHandler,
    ReviseBudgetHandler,
    PledgeContributionHandler,
    AmendPledgeHandler,
    WithdrawPledgeHandler,
    RecordPaymentHandler,
    UnderwriteShortfallHandler,
  ],
})
export class FundingModule {}
