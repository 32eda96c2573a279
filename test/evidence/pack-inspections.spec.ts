import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, packStreams, summaryOf } from './support/pack-spec';

const STREAM = 'inspection-hmicfrs-2022';

/** The synthetic partnership and an HMICFRS inspection of its police (p2): one update missed, one closed on evidence. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const id = { inspectionId: 'hmicfrs-2022' };
  const recommendation = (recommendationId: string, nextUpdateDue: string) => ({
    ...id,
    recommendationId,
    kind: 'recommendation',
    ownerPartnerId: 'p2',
    text: `Recommendation ${recommendationId}`,
    actionIds: [],
    nextUpdateDue,
  });
  await put(
    store,
    STREAM,
    'inspection-recorded',
    {
      ...id,
      body: 'hmicfrs',
      title: 'Police child protection inspection',
      fieldworkFrom: '2022-02-07',
      fieldworkTo: '2022-02-18',
      publishedOn: '2022-08-09',
      reportReference: 'National child protection inspection',
      partnerIds: ['p2'],
    },
    '2022-09-22T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'inspection-recommendation-recorded',
    recommendation('r1', '2022-11-01'),
    '2022-09-22T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'inspection-recommendation-recorded',
    recommendation('r2', '2023-02-09'),
    '2022-09-22T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'recommendation-closed',
    {
      ...id,
      recommendationId: 'r2',
      closedOn: '2022-10-10',
      summary: 'Done',
      evidence: [{ streamId: 'partner-p2', revision: 0 }],
    },
    '2022-10-10T12:00:00Z',
  );
  return store;
}

describe('inspections in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given inspections asked for, then the pack holds the inspection whole and inspections.csv measured at the period end, and verifies', async () => {
    const file = join(tmp.dir, 'inspections.zip');
    await buildToFile(store, request({ records: ['inspections'] }), file);
    const files = await unzip(file);
    expect(packStreams(files)).toEqual(['partner-p2', STREAM]);
    const table = csvRows(files, 'inspections.csv');
    expect(column(table, 'recommendationId')).toEqual(['r1', 'r2']);
    expect(column(table, 'agenciesInspected')).toEqual(['p2', 'p2']);
    expect(column(table, 'status')).toEqual(['open', 'closed']);
    expect(column(table, 'nextUpdateDue')).toEqual(['2022-11-01', '']);
    expect(column(table, 'overdue')).toEqual(['true', 'false']);
    expect(column(table, 'closureEvidence')).toEqual(['', 'partner-p2@0']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given a partner filter, then an inspection is in the pack only for the agencies it inspected', async () => {
    const other = join(tmp.dir, 'p1.zip');
    await buildToFile(store, request({ records: ['inspections'], partnerIds: ['p1'] }), other);
    expect(csvRows(await unzip(other), 'inspections.csv')).toHaveLength(1);
    const police = join(tmp.dir, 'p2.zip');
    await buildToFile(store, request({ records: ['inspections'], partnerIds: ['p2'] }), police);
    expect(csvRows(await unzip(police), 'inspections.csv')).toHaveLength(3);
  });

  it('given an overdue update edited out of inspections.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    // r1's row is the first, and overdue its only true cell.
    const forged = await forgedPack(join(tmp.dir, 'inspections.zip'), 'inspections.csv', ',true,', ',false,');
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'inspections.csv', row: 1, column: 'overdue' }),
    ]);
  });

  it('given an overdue recommendation, then summary.pdf counts it in the headlines and lists the open ones', async () => {
    const input = await summaryOf(store, { eventCount: 4, streamCount: 1 });
    expect(input.headline).toContainEqual({
      label: 'Inspection recommendations (open / overdue an update)',
      value: '2 (1 / 1)',
    });
    expect(input.tables.find((t) => t.title.startsWith('Inspections'))!.rows).toEqual([
      [
        'Police child protection inspection (HMICFRS, published 2022-08-09)',
        'r1: Recommendation r1',
        'p2',
        '',
        '2022-11-01 (overdue)',
      ],
    ]);
  });
});
