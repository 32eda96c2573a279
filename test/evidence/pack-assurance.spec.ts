import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, packStreams, summaryOf } from './support/pack-spec';

/** The synthetic partnership with a thematic review (findings to p1 and p2) and an audit asking both, p2 returning. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const tr = { thematicReviewId: 'str' };
  const au = { auditId: 'mash' };
  const at = (day: string) => `${day}T12:00:00Z`;
  const opened = { ...tr, title: 'Strategic Thematic Review', openedOn: '2022-09-22', areas: ['Training'] };
  await put(store, 'thematicreview-str', 'thematic-review-opened', opened, at('2022-09-22'));
  const finding = { ...tr, findingId: 'training', text: 'Records', partnerIds: ['p1', 'p2'] };
  await put(store, 'thematicreview-str', 'thematic-finding-recorded', finding, at('2022-09-22'));
  const progress = { ...tr, partnerId: 'p2', reportedOn: '2022-11-08', status: 'in-progress', summary: 's' };
  await put(store, 'thematicreview-str', 'partner-plan-progress-recorded', progress, at('2022-11-08'));
  const audit = { ...au, title: 'MASH/Front Door audit', openedOn: '2022-09-22', themes: ['Think family'] };
  await put(store, 'multiagencyaudit-mash', 'audit-opened', { ...audit, previousReturnRate: 74 }, at('2022-09-22'));
  const asked = { ...au, partnerIds: ['p1', 'p2'], askedOn: '2022-10-03' };
  await put(store, 'multiagencyaudit-mash', 'audit-returns-requested', asked, at('2022-10-03'));
  const returned = { ...au, partnerId: 'p2', returnedOn: '2022-10-20' };
  await put(store, 'multiagencyaudit-mash', 'audit-return-received', returned, at('2022-10-20'));
  return store;
}

describe('thematic reviews and multi-agency audits in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given assurance asked for, then the pack holds both streams and their CSVs with plans and the return rate, and verifies', async () => {
    const file = join(tmp.dir, 'assurance.zip');
    await buildToFile(store, request({ records: ['assurance'] }), file);
    const files = await unzip(file);
    expect(packStreams(files).filter((s) => !s.startsWith('partner-'))).toEqual([
      'thematicreview-str',
      'multiagencyaudit-mash',
    ]);
    const reviews = csvRows(files, 'thematic-reviews.csv');
    expect(column(reviews, 'plans')).toEqual(['p1 awaiting-plan (0 actions); p2 in-progress 2022-11-08 (0 actions)']);
    expect(column(reviews, 'findings')).toEqual(['training -> p1,p2: no action']);
    const audits = csvRows(files, 'multi-agency-audits.csv');
    expect(column(audits, 'returnRate')).toEqual(['50%']);
    expect(column(audits, 'previousReturnRate')).toEqual(['74%']);
    expect(column(audits, 'outstanding')).toEqual(['p1']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given a partner filter, then a review or audit whose findings or requests name that partner is in the pack', async () => {
    const file = join(tmp.dir, 'p2.zip');
    await buildToFile(store, request({ records: ['assurance'], partnerIds: ['p2'] }), file);
    expect(column(csvRows(await unzip(file), 'multi-agency-audits.csv'), 'auditId')).toEqual(['mash']);
  });

  it("given a theme filter, then an audit's themes and a review's areas are matched", async () => {
    const file = join(tmp.dir, 'themes.zip');
    await buildToFile(store, request({ records: ['assurance'], themes: ['think family'] }), file);
    const files = await unzip(file);
    expect(column(csvRows(files, 'multi-agency-audits.csv'), 'auditId')).toEqual(['mash']);
    expect(column(csvRows(files, 'thematic-reviews.csv'), 'thematicReviewId')).toEqual([]);
  });

  it('given the return rate edited in multi-agency-audits.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    const forged = await forgedPack(join(tmp.dir, 'assurance.zip'), 'multi-agency-audits.csv', '50%', '100%');
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'multi-agency-audits.csv', row: 1, column: 'returnRate' }),
    ]);
  });

  it('given the review and the audit, then summary.pdf counts them in the headlines and tables each partner plan and the returns', async () => {
    const input = await summaryOf(store, { eventCount: 6, streamCount: 2 });
    expect(input.headline).toContainEqual({ label: 'Thematic reviews (partner plans complete)', value: '1 (0 of 2)' });
    expect(input.headline).toContainEqual({ label: 'Multi-agency audits (returns in)', value: '1 (1 of 2)' });
    expect(input.tables.find((t) => t.title.startsWith('Thematic reviews'))!.rows).toEqual([
      ['Strategic Thematic Review', 'p1', 'training', 'awaiting-plan', '', '0'],
      ['Strategic Thematic Review', 'p2', 'training', 'in-progress', '2022-11-08', '0'],
    ]);
    expect(input.tables.find((t) => t.title.startsWith('Multi-agency audits'))!.rows).toEqual([
      ['MASH/Front Door audit', '1 of 2: 50% (74% last round)', 'p1', '0 (0 actions)', 'open'],
    ]);
  });
});
