import { Injectable, type Type } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '../shared/decider';
import type { Aggregate, CommandData, DomainCommand } from './aggregate';
import { CommandRunner, type CommandResult } from './command-runner';
import type { LedgerCommand } from './ledger-command';

type HandlerOf<Data> = ICommandHandler<LedgerCommand<Data>, CommandResult>;

/**
 * The handler of a command that needs no fact from another stream: it runs the aggregate's decider
 * with the command's own data on the stream `streamOf` names (load, decide, append with the expected
 * revision: CommandRunner.run). A slice declares
 * `@CommandHandler(XCommand) export class XHandler extends DeciderHandler(Aggregate, 'x', (data) => data.id) {}`;
 * a handler that loads facts first writes its own execute.
 */
export function DeciderHandler<C extends DomainCommand, E extends DomainEvent, S, T extends C['type']>(
  aggregate: Aggregate<C, E, S>,
  type: T,
  streamOf: (data: CommandData<C, T>) => string,
): Type<HandlerOf<CommandData<C, T>>> {
  @Injectable()
  class RunsDecider implements HandlerOf<CommandData<C, T>> {
    constructor(private readonly runner: CommandRunner) {}

    execute({ data, ctx }: LedgerCommand<CommandData<C, T>>) {
      // { type, data } is union member T by construction: TypeScript does not narrow a generic union.
      const command = { type, data } as unknown as Omit<C, 'meta'>;
      return this.runner.run(aggregate, streamOf(data), command, ctx);
    }
  }
  return RunsDecider;
}
