import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, summaryOf } from './support/pack-spec';

const STREAM = 'risk-workforce';

/** The synthetic partnership and one risk the council (p1) owns: rescored in the year, its review then missed. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const id = { riskId: 'workforce' };
  await put(
    store,
    STREAM,
    'risk-recorded',
    {
      ...id,
      ownerPartnerId: 'p1',
      category: 'workforce',
      title: 'Social work vacancies',
      description: 'Vacancy rates delay assessments',
      identifiedOn: '2022-01-10',
      likelihood: 4,
      impact: 4,
      nextReviewDue: '2022-04-10',
    },
    '2022-01-10T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'risk-reviewed',
    { ...id, reviewedOn: '2022-04-10', outcome: 'No new risks identified', nextReviewDue: '2022-10-10' },
    '2022-04-10T12:00:00Z',
  );
  await put(
    store,
    STREAM,
    'risk-rescored',
    { ...id, scoredOn: '2022-05-01', likelihood: 2, impact: 4, reason: 'Posts filled' },
    '2022-05-01T12:00:00Z',
  );
  return store;
}

describe('risks in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given risks asked for, then risks.csv holds the score at the period end, the past scores and the overdue review, and the pack verifies', async () => {
    const file = join(tmp.dir, 'risks.zip');
    await buildToFile(store, request({ records: ['risks'] }), file);
    const table = csvRows(await unzip(file), 'risks.csv');
    expect(column(table, 'riskId')).toEqual(['workforce']);
    expect(column(table, 'score')).toEqual(['8']);
    expect(column(table, 'pastScores')).toEqual(['2022-01-10 4x4=16']);
    expect(column(table, 'reviews')).toEqual(['2022-04-10: No new risks identified']);
    expect(column(table, 'nextReviewDue')).toEqual(['2022-10-10']);
    expect(column(table, 'reviewOverdue')).toEqual(['true']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given a partner filter, then a risk is in the pack only for its owner', async () => {
    const other = join(tmp.dir, 'p2.zip');
    await buildToFile(store, request({ records: ['risks'], partnerIds: ['p2'] }), other);
    expect(csvRows(await unzip(other), 'risks.csv')).toHaveLength(1);
  });

  it('given the score edited in risks.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    const forged = await forgedPack(join(tmp.dir, 'risks.zip'), 'risks.csv', ',2,4,8,', ',2,4,4,');
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'risks.csv', row: 1, column: 'score' }),
    ]);
  });

  it('given an open risk whose review was missed, then summary.pdf counts it in the headlines and lists it with its scores', async () => {
    const input = await summaryOf(store, { eventCount: 3, streamCount: 1 });
    expect(input.headline).toContainEqual({ label: 'Risks (open / review overdue)', value: '1 (1 / 1)' });
    expect(input.tables.find((t) => t.title.startsWith('Risk register'))!.rows).toEqual([
      ['Social work vacancies (workforce)', 'p1', '8 (2 x 4)', '16', '2022-10-10 (overdue)'],
    ]);
  });
});
