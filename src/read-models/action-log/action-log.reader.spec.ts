import { actionLogProjection as p } from '../../../projections/action-log/action-log.projection';
import type { StoredEvent } from '../../ledger/event-envelope';
import { storedEvent } from '../../ledger/testing/stored-events';
import { NotFound } from '../../shared/domain-errors';
import { ReadModelStore } from '../read-model-store';
import { ActionLogReader } from './action-log.reader';

const event = (position: number, type: string, data: object): StoredEvent =>
  storedEvent({
    streamId: 'action-a1',
    revision: position,
    position,
    type,
    data,
    recordedAt: '2022-05-10T12:00:00.000Z',
  });
const raised = event(1, 'action-raised', {
  actionId: 'a1',
  meetingId: 'm1',
  itemNumber: 1,
  text: 'Send the letter',
  owners: [{ kind: 'person', personId: 'pete-hill' }],
});
const noted = event(5, 'action-progress-noted', { actionId: 'a1', note: 'Drafted' });

describe("ActionLogReader.get: the history is the action's stream, read up to the position the documents show", () => {
  let store: ReadModelStore;
  /** The read model after `applied` (the ledger may hold more: `ledger`). */
  function reader(applied: StoredEvent[], ledger: StoredEvent[]): ActionLogReader {
    const doc = applied.reduce((d, e) => p.evolve(d, e), p.initialState('action:a1'));
    store.commit(
      p.name,
      p.version,
      store.checkpoint(p.name)?.position,
      applied.at(-1)!.position,
      new Map([['action:a1', doc]]),
      applied.length,
    );
    return new ActionLogReader(store, {
      events: { readStream: async () => ledger },
      upTo: () => store.checkpoint(p.name)?.position,
    });
  }
  beforeEach(() => {
    store = new ReadModelStore(':memory:');
  });
  afterEach(() => store.close());

  it('given the ledger one event ahead of the read model, then the history stops where the document does', async () => {
    const detail = await reader([raised], [raised, noted]).get('a1', '2022-06-01');
    expect(detail.history.map((h) => h.eventId)).toEqual([raised.id]);
    expect(detail).not.toHaveProperty('historyLength');
    expect(detail).toMatchObject({ actionId: 'a1', status: 'open', lastUpdate: { type: 'action-raised' } });
  });

  it('given both at the same position, then every change is in the history, with its summary', async () => {
    const detail = await reader([raised, noted], [raised, noted]).get('a1', '2022-06-01');
    expect(detail.history.map((h) => h.summary)).toEqual([
      expect.stringContaining('Raised at m1 item 1'),
      'Progress noted: Drafted',
    ]);
  });

  it('given a ledger that lacks events the read model counted, then it refuses rather than show a short history', async () => {
    await expect(reader([raised, noted], [raised]).get('a1', '2022-06-01')).rejects.toThrow(
      /1 history events in the ledger up to position 5, the read model counted 2/,
    );
  });

  it('given no such action, then NotFound', async () => {
    await expect(reader([raised], [raised]).get('a2', '2022-06-01')).rejects.toBeInstanceOf(NotFound);
  });
});
