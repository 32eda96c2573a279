import type { Clock } from '../shared/clock';
import type { CommandContext } from './command-runner';

/**
 * A command's business date (YYYY-MM-DD): the day it says it happened, else today by the injected
 * clock. Handlers hand it to deciders as a fact, so no decider reads a clock.
 */
export const businessDate = (ctx: CommandContext, clock: Clock): string =>
  (ctx.occurredAt ? new Date(ctx.occurredAt) : clock.now()).toISOString().slice(0, 10);
