import { randomUUID } from 'node:crypto';
import { CommandRunner, type CommandContext } from '../../ledger/command-runner';
import { MemoryEventStore } from '../../ledger/memory/memory-event-store';
import { ManualClock } from '../../shared/clock';
import { ActionOwnership } from './action-ownership';

const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const meta = { actor, correlationId: 'c', causationId: 'c', occurredAt: '2022-05-10T10:00:00.000Z' };
const event = (type: string, data: object) => ({ id: randomUUID(), type, schemaVersion: 1, data, metadata: meta });

describe('ActionOwnership: the agencies that own an action', () => {
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  let store: MemoryEventStore;
  let ownership: ActionOwnership;
  const ctx = (occurredAt?: string): CommandContext => ({ actor, correlationId: 'c', occurredAt });

  beforeEach(async () => {
    store = new MemoryEventStore(clock);
    ownership = new ActionOwnership(new CommandRunner(store, clock), clock);
    await store.append(
      'person-pete-hill',
      [
        event('person-registered', { personId: 'pete-hill', name: 'Pete Hill', partnerId: 'cw-icb' }),
        event('person-updated', {
          personId: 'pete-hill',
          effectiveFrom: '2022-06-01',
          partnerId: 'warwickshire-police',
        }),
      ],
      'no_stream',
    );
    await store.append(
      'action-a1',
      [
        event('action-raised', {
          actionId: 'a1',
          meetingId: 'm',
          itemNumber: 1,
          text: 'x',
          dueDate: '2022-06-01',
          owners: [
            { kind: 'partner', partnerId: 'warwickshire-police' },
            { kind: 'person', personId: 'pete-hill' },
            { kind: 'team', name: 'All' },
            { kind: 'person', personId: 'never-registered' },
          ],
        }),
      ],
      'no_stream',
    );
  });

  it("given partner, person and team owners, when asked now, then it names the partners and each person's partner today, once each; teams and unknown people none", async () => {
    expect(await ownership.agencies('a1', ctx())).toEqual(['warwickshire-police']);
  });

  it('given a person who moved agency, when asked at an earlier business date, then it names the partner they represented then', async () => {
    expect(await ownership.agencies('a1', ctx('2022-05-20T10:00:00Z'))).toEqual(['warwickshire-police', 'cw-icb']);
  });

  it('given no such action, when asked, then undefined: the decider refuses it with its own code', async () => {
    expect(await ownership.agencies('no-such-action', ctx())).toBeUndefined();
  });

  it('given an action the police own, when an ICB representative would change it, then 403 not-your-agency; a police one may', async () => {
    const as = (agency: string): CommandContext => ({
      actor: { userId: 'rep', role: 'partner-representative', agency },
      correlationId: 'c',
    });
    await expect(ownership.assertMayChange('completeAction', 'a1', as('coventry-rugby'))).rejects.toMatchObject({
      status: 403,
      code: 'not-your-agency',
    });
    await expect(ownership.assertMayChange('completeAction', 'a1', as('warwickshire-police'))).resolves.toBeUndefined();
  });

  it('given a role that acts for any agency, when it changes an action, then neither the action nor its owners are read', async () => {
    const read = jest.spyOn(store, 'readStream');
    await expect(ownership.assertMayChange('completeAction', 'a1', ctx())).resolves.toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });
});
