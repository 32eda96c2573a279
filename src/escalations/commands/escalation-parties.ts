import type { CommandRunner } from '../../ledger/command-runner';
import { Escalation } from '../domain/escalation';

/**
 * The two agencies an escalation is between (raising, then concerning), for the agency rule table;
 * undefined when it was never raised (the decider refuses that with its own code).
 */
export async function escalationParties(runner: CommandRunner, escalationId: string): Promise<string[] | undefined> {
  const { state } = await runner.load(Escalation, escalationId);
  return state.exists && state.raisedByAgency && state.concerningAgency
    ? [state.raisedByAgency, state.concerningAgency]
    : undefined;
}
