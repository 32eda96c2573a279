import type { CommandRunner } from '../ledger/command-runner';
import { Person, roleOn } from './domain/person';

/**
 * The partners context's public read for other contexts: the partner a person represents on a
 * date (ISO), or undefined for a person never registered. People move between agencies, so
 * "whose is this" is asked on the business date of the command that asks.
 */
export async function partnerOfPerson(
  runner: CommandRunner,
  personId: string,
  onDate: string,
): Promise<string | undefined> {
  const { state } = await runner.load(Person, personId);
  return state.exists ? roleOn(state, onDate)?.partnerId : undefined;
}
