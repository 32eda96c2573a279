import { Module } from '@nestjs/common';
import { AmendPledgeController, AmendPledgeHandler } from './commands/amend-pledge/amend-pledge';
import {
  PledgeContributionController,
  PledgeContributionHandler,
} from './commands/pledge-contribution/pledge-contribution';
import { RecordPaymentController, RecordPaymentHandler } from './commands/record-payment/record-payment';
import { ReviseBudgetController, ReviseBudgetHandler } from './commands/revise-budget/revise-budget';
import { SetBudgetController, SetBudgetHandler } from './commands/set-budget/set-budget';
import {
  UnderwriteShortfallController,
  UnderwriteShortfallHandler,
} from './commands/underwrite-shortfall/underwrite-shortfall';
import { WithdrawPledgeController, WithdrawPledgeHandler } from './commands/withdraw-pledge/withdraw-pledge';
import { RecordSpendingController, RecordSpendingHandler } from './commands/record-spending/record-spending';
import { CloseYearController, CloseYearHandler } from './commands/close-year/close-year';
import { CarryForwardController, CarryForwardHandler } from './commands/carry-forward/carry-forward';
import { RaiseInvoiceController, RaiseInvoiceHandler } from './commands/raise-invoice/raise-invoice';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [SetBudgetController, SetBudgetHandler],
  [ReviseBudgetController, ReviseBudgetHandler],
  [PledgeContributionController, PledgeContributionHandler],
  [AmendPledgeController, AmendPledgeHandler],
  [WithdrawPledgeController, WithdrawPledgeHandler],
  [RecordPaymentController, RecordPaymentHandler],
  [RaiseInvoiceController, RaiseInvoiceHandler],
  [UnderwriteShortfallController, UnderwriteShortfallHandler],
  [RecordSpendingController, RecordSpendingHandler],
  [CloseYearController, CloseYearHandler],
  [CarryForwardController, CarryForwardHandler],
] as const;

/** Budgets, pledges, payments, underwriting, spending and year-end: one stream per owner and year (`budget-2022-23`, `budget-wseb-2022-23`). */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class FundingModule {}
