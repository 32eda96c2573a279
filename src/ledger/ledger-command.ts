import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from './command-runner';

/**
 * What every slice's command carries from its controller to its handler: the command data (typed from
 * the domain's command union with CommandData) and the request's context (actor, If-Match,
 * Idempotency-Key). A slice declares its own subclass, by which @CommandHandler finds its handler.
 */
export abstract class LedgerCommand<Data> extends Command<CommandResult> {
  constructor(
    readonly data: Data,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
