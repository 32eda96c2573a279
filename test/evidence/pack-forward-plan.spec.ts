import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, summaryOf } from './support/pack-spec';

const STREAM = 'forwardplan-fp-april';

/** The synthetic partnership with one forward plan item: planned for April 2023, moved to the April meeting. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const itemId = 'fp-april';
  await put(
    store,
    STREAM,
    'forward-plan-item-planned',
    {
      itemId,
      boardId: 'b1',
      target: { month: '2023-04' },
      month: '2023-04',
      title: 'Health staff in the MASH at weekends',
      from: { kind: 'action', id: 'a1' },
    },
    '2022-09-22T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'forward-plan-item-moved',
    { itemId, target: { meetingId: 'm-april' }, month: '2023-04', previous: { month: '2023-04' }, reason: 'Set' },
    '2022-10-10T12:00:00Z',
  );
  return store;
}

const rows = (files: Map<string, Buffer>) => csvRows(files, 'forward-plan.csv');

describe('the forward plan in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given the forward plan asked for, then the pack holds the item whole and forward-plan.csv, and verifies', async () => {
    const file = join(tmp.dir, 'forward-plan.zip');
    await buildToFile(store, request({ records: ['forward-plan'] }), file);
    const files = await unzip(file);
    const table = rows(files);
    expect(column(table, 'itemId')).toEqual(['fp-april']);
    expect(column(table, 'status')).toEqual(['moved']);
    expect(column(table, 'meetingId')).toEqual(['m-april']);
    expect(column(table, 'moves')).toEqual(['2023-04 -> m-april: Set']);
    expect(column(table, 'fromKind')).toEqual(['action']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given a status edited in forward-plan.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    const forged = await forgedPack(join(tmp.dir, 'forward-plan.zip'), 'forward-plan.csv', ',moved,', ',planned,');
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'forward-plan.csv', row: 1, column: 'status' }),
    ]);
  });

  it('given an item still to come, then summary.pdf lists it by month with its source and moves', async () => {
    const input = await summaryOf(store, { eventCount: 2, streamCount: 1 });
    expect(input.tables.find((t) => t.title.startsWith('Forward plan'))!.rows).toEqual([
      ['2023-04 (m-april)', 'b1', 'Health staff in the MASH at weekends', 'action a1', '1'],
    ]);
  });
});
