import type { CommandRunner } from '../../../ledger/command-runner';
import { Partner, Person } from '../../../partners';
import type { AttendanceEntry, RegisteredFacts } from '../../domain/meeting';

/** Which of the people and partners named in attendance lines are registered: facts for the decider. */
export async function registeredFacts(runner: CommandRunner, entries: AttendanceEntry[]): Promise<RegisteredFacts> {
  const personIds = new Set(
    entries.flatMap((e) => [e.personId, e.deputisingForPersonId]).filter((id): id is string => id !== undefined),
  );
  const partnerIds = new Set(
    entries.map((e) => e.representingPartnerId).filter((id): id is string => id !== undefined),
  );
  const known = async (category: string, ids: Set<string>) =>
    (await Promise.all([...ids].map(async (id) => ((await runner.exists(category, id)) ? id : undefined)))).filter(
      (id): id is string => id !== undefined,
    );
  return {
    knownPersonIds: await known(Person.category, personIds),
    knownPartnerIds: await known(Partner.category, partnerIds),
  };
}
