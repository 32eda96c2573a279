import { join } from 'node:path';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { column, csvRows, forgedPack, packStreams } from './support/pack-spec';

/**
 * The synthetic partnership's 2022-23 budget (a staffing line) with a commitment, the actual spend
 * settling it and an invoice to p1; and board b1's own 2022-23 budget with one spend.
 */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const spend = (spendId: string, kind: string, amountPence: number, more: object = {}) => ({
    financialYear: '2022-23',
    spendId,
    kind,
    lineId: 'staff',
    amountPence,
    spentOn: '2022-08-01',
    description: 'Independent reviewer, child A',
    ...more,
  });
  await put(
    store,
    'budget-2022-23',
    'spending-recorded',
    spend('reviewer', 'commitment', 1_200_000, { reference: { kind: 'decision', id: 'd1' } }),
    '2022-08-01T10:00:00Z',
  );
  await put(
    store,
    'budget-2022-23',
    'spending-recorded',
    spend('reviewer-paid', 'actual', 1_000_000, { settlesCommitmentId: 'reviewer', spentOn: '2022-10-03' }),
    '2022-10-03T10:00:00Z',
  );
  await put(
    store,
    'budget-2022-23',
    'invoice-raised',
    {
      financialYear: '2022-23',
      invoiceId: 'p1-q1',
      partnerId: 'p1',
      amountPence: 350_000,
      raisedOn: '2022-05-20',
      reference: 'INV-004512',
    },
    '2022-05-20T10:00:00Z',
  );
  const owned = { ownerId: 'b1', financialYear: '2022-23' };
  await put(
    store,
    'budget-b1-2022-23',
    'budget-set',
    {
      ...owned,
      totalPence: 500_000,
      lines: [{ lineId: 'staff', name: 'Staff', amountPence: 500_000 }],
      allocatedPence: 500_000,
      unallocatedPence: 0,
    },
    '2022-04-02T10:00:00Z',
  );
  await put(
    store,
    'budget-b1-2022-23',
    'spending-recorded',
    { ...spend('b1-training', 'actual', 40_000), ...owned },
    '2022-09-01T10:00:00Z',
  );
  return store;
}

const rows = (files: Map<string, Buffer>) => csvRows(files, 'spending.csv');

describe('spending in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given funding asked for, then spending.csv has each spend (line, amount, committed or actual, date, citation) and each invoice, and the pack verifies', async () => {
    const file = join(tmp.dir, 'spending.zip');
    await buildToFile(store, request({ records: ['funding'] }), file);
    const files = await unzip(file);
    const table = rows(files);
    expect(column(table, 'row')).toEqual(['spend', 'spend', 'invoice', 'spend']);
    expect(column(table, 'ownerId')).toEqual(['', '', '', 'b1']);
    expect(column(table, 'id')).toEqual(['reviewer', 'reviewer-paid', 'p1-q1', 'b1-training']);
    expect(column(table, 'kind')).toEqual(['commitment', 'actual', '', 'actual']);
    expect(column(table, 'lineName')).toEqual(['Business unit staffing', 'Business unit staffing', '', 'Staff']);
    expect(column(table, 'amountPounds')).toEqual(['12000.00', '10000.00', '3500.00', '400.00']);
    expect(column(table, 'citation')).toEqual(['decision d1', '', 'INV-004512', '']);
    expect(column(table, 'settlesCommitmentId')).toEqual(['', 'reviewer', '', '']);
    const funding = csvRows(files, 'funding.csv');
    expect(column(funding, 'row')).toEqual(['year', 'partner', 'year']);
    expect(column(funding, 'ownerId')).toEqual(['', '', 'b1']);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it("given a pack for board b2 only, then b1's own budget is left out and the partnership's stays", async () => {
    const file = join(tmp.dir, 'spending-b2.zip');
    await buildToFile(store, request({ records: ['funding'], boardIds: ['b2'] }), file);
    const files = await unzip(file);
    expect(column(rows(files), 'ownerId')).toEqual(['', '', '']);
    expect(packStreams(files)).not.toContain('budget-b1-2022-23');
    const forB1 = join(tmp.dir, 'spending-b1.zip');
    await buildToFile(store, request({ records: ['funding'], boardIds: ['b1'] }), forB1);
    expect(packStreams(await unzip(forB1))).toEqual(expect.arrayContaining(['budget-b1-2022-23', 'board-b1']));
  });

  it('given an amount edited in spending.csv and the hashes recomputed, when verified, then the cell is named', async () => {
    const forged = await forgedPack(join(tmp.dir, 'spending.zip'), 'spending.csv', ',1200000,', ',1000000,');
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'spending.csv', row: 1, column: 'amountPence' }),
    ]);
  });
});
