import type { CommandRunner } from '../../ledger/command-runner';
import { Meeting } from '../../meetings';
import { ownerReferences, type ActionOwner } from '../domain/action-owner';
import type { MeetingFacts } from '../domain/action';

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
