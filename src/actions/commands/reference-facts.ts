import type { CommandRunner } from '../../ledger/command-runner';
import { Meeting } from '../../meetings';
import { partnerOfPerson } from '../../partners';
import { ownerReferences, type ActionOwner, type OwnerPartner } from '../domain/action-owner';
import type { MeetingFacts, OwnerFacts } from '../domain/action';

/** Reads a meeting and keeps only what the action rules need to know about it. */
export async function meetingFacts(runner: CommandRunner, meetingId: string): Promise<MeetingFacts> {
  const { state } = await runner.load(Meeting, meetingId);
  if (!state.exists) return { exists: false };
  return {
    exists: true,
    closed: state.closed,
    itemNumbers: Object.keys(state.items).map(Number),
    scheduledFor: state.scheduledFor,
  };
}

/** Person and partner owners with no stream, as `person:<id>` / `partner:<id>`. Teams are free text. */
export async function missingOwners(runner: CommandRunner, owners: ActionOwner[]): Promise<string[]> {
  const refs = ownerReferences(owners);
  const found = await Promise.all(refs.map((r) => runner.exists(r.category, r.id)));
  return refs.filter((_, i) => !found[i]).map((r) => `${r.category}:${r.id}`);
}

export { businessDate } from '../../ledger/business-date';

/**
 * The owners as the decider needs them: which are not recorded, and the partner each person owner
 * represents on `onDate` (through the partners context's public read), for ownership by agency.
 */
export async function ownerFacts(runner: CommandRunner, owners: ActionOwner[], onDate: string): Promise<OwnerFacts> {
  const people = owners.flatMap((o) => (o.kind === 'person' ? [o.personId] : []));
  const [missing, partners] = await Promise.all([
    missingOwners(runner, owners),
    Promise.all(people.map((personId) => partnerOfPerson(runner, personId, onDate))),
  ]);
  const ownerPartners = people.flatMap((personId, i): OwnerPartner[] => {
    const partnerId = partners[i];
    return partnerId === undefined ? [] : [{ personId, partnerId }];
  });
  return { missingOwners: missing, ownerPartners };
}
