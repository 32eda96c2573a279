import { Inject, Injectable } from '@nestjs/common';
import { assertMayActFor } from '../../auth/agency-scope';
import { actsForAnyAgency, type CheckedCommand } from '../../auth/agency-rules';
import { CommandRunner, type CommandContext, type CommandResult } from '../../ledger/command-runner';
import { partnerOfPerson } from '../../partners';
import { CLOCK, type Clock } from '../../shared/clock';
import { Action, type ActionCommand, type ActionOwner } from '../domain/action';
import { businessDate } from './reference-facts';

/**
 * The agencies that own an action, for the agency rule table: partner owners as named, person
 * owners resolved to the partner they represent on the command's business date; team owners
 * belong to no agency. Undefined when the action does not exist (the decider refuses that).
 */
@Injectable()
export class ActionOwnership {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async agencies(actionId: string, ctx: CommandContext): Promise<string[] | undefined> {
    const { state } = await this.runner.load(Action, actionId);
    if (!state.exists) return undefined;
    const onDate = businessDate(ctx, this.clock);
    const resolved = await Promise.all(state.owners.map((o) => this.agencyOf(o, onDate)));
    return [...new Set(resolved.filter((a): a is string => a !== undefined))];
  }

  /** Refuses with 403 not-your-agency, writing nothing, unless the actor may act for an owner of the action. */
  async assertMayChange(command: CheckedCommand, actionId: string, ctx: CommandContext): Promise<void> {
    // The secretariat may change any action: loading it and its owners' people would decide nothing.
    if (actsForAnyAgency(ctx.actor)) return;
    assertMayActFor(ctx.actor, command, await this.agencies(actionId, ctx));
  }

  /**
   * The whole of an action command that needs no other aggregate's facts: the agency check above,
   * then the decider on the action's stream. Slices that load facts check first the same way.
   */
  async change(
    checked: CheckedCommand,
    command: Omit<ActionCommand, 'meta'>,
    ctx: CommandContext,
  ): Promise<CommandResult> {
    await this.assertMayChange(checked, command.data.actionId, ctx);
    return this.runner.run(Action, command.data.actionId, command, ctx);
  }

  private async agencyOf(owner: ActionOwner, onDate: string): Promise<string | undefined> {
    if (owner.kind === 'partner') return owner.partnerId;
    if (owner.kind === 'person') return partnerOfPerson(this.runner, owner.personId, onDate);
    return undefined;
  }
}
