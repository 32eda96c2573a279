import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, packStreams, summaryOf } from './support/pack-spec';

/** The synthetic partnership and a rapid review known on Friday 26 August 2022, notified late, never completed. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const id = { caseReviewId: 'rr1' };
  await put(
    store,
    'casereview-rr1',
    'case-review-opened',
    // Written raw here (no command runner): a real ledger holds the subject's name sealed.
    {
      ...id,
      type: 'rapid-review',
      title: 'Child J',
      awareOn: '2022-08-26',
      dataSubjects: [{ subjectId: 'rr1-child', relation: 'child' }],
    },
    '2022-08-26T12:00:00Z',
  );
  await put(
    store,
    'casereview-rr1',
    'national-panel-notified',
    { ...id, notifiedOn: '2022-09-07' },
    '2022-09-07T12:00:00Z',
  );
  return store;
}

describe('case reviews in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given case reviews asked for, then the pack holds their streams and case-reviews.csv measured at the period end, and verifies', async () => {
    const file = join(tmp.dir, 'reviews.zip');
    await buildToFile(store, request({ records: ['case-reviews'] }), file);
    const files = await unzip(file);
    expect(packStreams(files)).toEqual(['casereview-rr1']);
    const table = csvRows(files, 'case-reviews.csv');
    expect(column(table, 'caseReviewId')).toEqual(['rr1']);
    expect(column(table, 'notification')).toEqual(['due by 2022-09-05: late (wt-2018)']);
    expect(column(table, 'rapidReview')).toEqual(['due by 2022-09-20: breached (wt-2018)']);
    expect(column(table, 'breached')).toEqual(['true']);
    expect(column(table, 'dataSubjects')).toEqual(['rr1-child child']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given other records asked for, then case-reviews.csv has its header only', async () => {
    const file = join(tmp.dir, 'actions.zip');
    await buildToFile(store, request({ records: ['actions'] }), file);
    expect(csvRows(await unzip(file), 'case-reviews.csv')).toHaveLength(1);
  });

  it('given a breach edited out of case-reviews.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    const forged = await forgedPack(
      join(tmp.dir, 'reviews.zip'),
      'case-reviews.csv',
      'breached (wt-2018)',
      'met (wt-2018)',
    );
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'case-reviews.csv', row: 1, column: 'rapidReview' }),
    ]);
  });

  it('given a breached rapid review, then summary.pdf counts it in the headlines and lists its deadlines', async () => {
    const input = await summaryOf(store, { eventCount: 2, streamCount: 1 });
    expect(input.headline).toContainEqual({ label: 'Case reviews (breached a statutory deadline)', value: '1 (1)' });
    expect(input.tables.find((t) => t.title.startsWith('Case reviews'))!.rows).toEqual([
      [
        'rr1 (Child J)',
        'rapid-review',
        'rapid-review-due',
        'notification: late (due 2022-09-05); rapid-review: breached (due 2022-09-20)',
        '',
      ],
    ]);
  });
});
