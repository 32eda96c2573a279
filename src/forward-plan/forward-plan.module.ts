import { Module } from '@nestjs/common';
import { DropItemController, DropItemHandler } from './commands/drop-item/drop-item';
import { MoveItemController, MoveItemHandler } from './commands/move-item/move-item';
import { PlanItemController, PlanItemHandler } from './commands/plan-item/plan-item';
import { TakeItemController, TakeItemHandler } from './commands/take-item/take-item';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [PlanItemController, PlanItemHandler],
  [MoveItemController, MoveItemHandler],
  [DropItemController, DropItemHandler],
  [TakeItemController, TakeItemHandler],
] as const;

/**
 * A board's forward plan: items planned for a future meeting or month (from an action, a decision,
 * an inspection recommendation, a case review), moved, dropped, or taken onto a meeting's agenda.
 */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class ForwardPlanModule {}
