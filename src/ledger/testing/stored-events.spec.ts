import { TEST_ACTOR, storedEvent, storedEventFactory } from './stored-events';

describe('stored-event factories', () => {
  it('given only stream, type and data, then the envelope has version 1, the test actor and fixed times', () => {
    expect(storedEvent({ streamId: 'action-a1', type: 'action-completed', data: { actionId: 'a1' } })).toEqual({
      id: 'e1',
      streamId: 'action-a1',
      revision: 0,
      position: 1,
      type: 'action-completed',
      schemaVersion: 1,
      data: { actionId: 'a1' },
      metadata: {
        actor: TEST_ACTOR,
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2022-05-10T10:00:00.000Z',
        recordedAt: '2022-11-21T12:00:00.000Z',
      },
      integrity: { prevHash: '0', hash: '1' },
    });
  });

  it('given a factory, then each event takes the next position `step` on, with its own business time and actor', () => {
    const stored = storedEventFactory({ step: 3 });
    const police = { userId: 'pete-hill', role: 'member', agency: 'warwickshire-police' };
    const a = stored('budget-2022-23', 'budget-set', {});
    const b = stored('budget-2022-23', 'budget-revised', {}, '2022-06-01T00:00:00.000Z', police);
    expect([a.position, b.position, a.id, b.id]).toEqual([3, 6, 'e3', 'e6']);
    expect(b.metadata).toMatchObject({ occurredAt: '2022-06-01T00:00:00.000Z', actor: police });
    expect(storedEventFactory()('x-1', 't', {}).position).toBe(2);
  });
});
