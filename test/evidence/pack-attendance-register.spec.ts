import { join } from 'node:path';
import { CSV_FORMAT, type CsvFormat } from '../../src/evidence/pack/formats/csv';
import { MANIFEST_FILE } from '../../src/evidence/pack/formats/pack-files';
import type { PackManifest } from '../../src/evidence/pack/pack-manifest';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';
import { csvRows, forgedPack } from './support/pack-spec';
import { selectedSummaryInput } from './support/selected-summary-input';

const FILE = 'attendance-register.csv';

/**
 * The synthetic partnership's board b1 with two statutory members, a meeting in each financial year
 * (bob deputised by carol at m1, alice on apologies at m4), a meeting still to come at the period end,
 * and a member added after it (backdated): what the annual report's attendance appendix counts.
 */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const member = (personId: string, partnerId: string, seat: string, at: string) =>
    put(
      store,
      'board-b1',
      'board-member-added',
      { boardId: 'b1', seat, partnerId, personId, statutory: true, from: '2021-04-01' },
      at,
    );
  await member('alice', 'p1', 'local-authority', '2021-04-01T09:00:00Z');
  await member('bob', 'p2', 'police', '2021-04-01T09:00:00Z');
  const attendance = (meetingId: string, entries: object[], at: string) =>
    put(store, `meeting-${meetingId}`, 'attendance-recorded', { meetingId, entries }, at);
  await attendance(
    'm1',
    [
      { personId: 'alice', status: 'present' },
      { personId: 'bob', status: 'apologies' },
      { personId: 'carol', status: 'deputising', deputisingForPersonId: 'bob' },
    ],
    '2022-03-01T12:00:00Z',
  );
  const scheduled = (meetingId: string, scheduledFor: string) =>
    put(
      store,
      `meeting-${meetingId}`,
      'meeting-scheduled',
      { meetingId, boardId: 'b1', scheduledFor },
      '2022-09-01T09:00:00Z',
    );
  await scheduled('m4', '2022-10-04T10:00:00Z');
  await scheduled('m5', '2023-01-10T10:00:00Z');
  await attendance(
    'm4',
    [
      { personId: 'alice', status: 'apologies' },
      { personId: 'bob', status: 'present' },
    ],
    '2022-10-04T12:00:00Z',
  );
  await member('dave', 'p3', 'health', '2023-02-01T09:00:00Z');
  return store;
}

describe("the attendance register (the annual report's appendix) in evidence packs", () => {
  const tmp = tempDir();
  const pack = join(tmp.dir, 'meetings.zip');
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
    await buildToFile(store, request({ records: ['meetings'], boardIds: ['b1'] }), pack);
  });
  afterAll(() => tmp.remove());

  it("given a board's meetings asked for, then each member's year is a row, as at the period end, and the pack verifies", async () => {
    const files = await unzip(pack);
    const [header, ...rows] = csvRows(files, FILE);
    expect(header.join(',')).toBe(
      'boardId,financialYear,personId,partnerId,seat,statutory,meetingsHeld,attended,apologies,deputised,deputisedBy,attendanceRate,coveredRate',
    );
    expect(rows).toEqual([
      ['b1', '2021-22', 'alice', 'p1', 'local-authority', 'true', '1', '1', '0', '0', '', '100', '100'],
      ['b1', '2021-22', 'bob', 'p2', 'police', 'true', '1', '0', '1', '1', 'carol', '0', '100'],
      // m5 (10 Jan 2023) is still to come at the period end, and dave joined after it: neither counts.
      ['b1', '2022-23', 'alice', 'p1', 'local-authority', 'true', '1', '0', '1', '0', '', '0', '0'],
      ['b1', '2022-23', 'bob', 'p2', 'police', 'true', '1', '1', '0', '0', '', '100', '100'],
    ]);
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
    expect(manifest.csvFormat).toBe(CSV_FORMAT); // 9 or later: the format that added the register
    expect(manifest.files.map((f) => f.name)).toContain(FILE);
    expect((await verifyPack(pack)).problems).toEqual([]);
  });

  it("given bob's apology turned into attendance and the hashes recomputed, when verified offline, then both cells are named", async () => {
    const forged = await forgedPack(pack, FILE, 'police,true,1,0,1,1,carol', 'police,true,1,1,0,1,carol');
    const result = await verifyPack(forged);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: FILE, row: 2, column: 'attended' }),
      expect.objectContaining({ file: FILE, row: 2, column: 'apologies' }),
    ]);
  });

  it('given the register taken out with its manifest entry, when verified, then it is missing from a format 9 pack', async () => {
    const stripped = await withoutRegister(pack, 9);
    expect((await verifyPack(stripped)).problems).toEqual([
      expect.objectContaining({ file: FILE, message: expect.stringMatching(/missing/) }),
    ]);
  });

  it('given a format 8 pack (built before the register), when verified, then its absence is no problem', async () => {
    expect((await verifyPack(await withoutRegister(pack, 8))).problems).toEqual([]);
  });

  it("given the same scope, then summary.pdf's appendix prints each board's year from the same rows", async () => {
    const scope = request({ records: ['meetings'], boardIds: ['b1'] }).scope;
    const input = await selectedSummaryInput(store, scope);
    expect(input.attendanceAppendix).toEqual([
      {
        boardId: 'b1',
        financialYear: '2021-22',
        rows: [
          ['alice', 'p1', 'local-authority (statutory)', '1', '1', '0', '0', '', '100%', '100%'],
          ['bob', 'p2', 'police (statutory)', '1', '0', '1', '1', 'carol', '0%', '100%'],
        ],
      },
      {
        boardId: 'b1',
        financialYear: '2022-23',
        rows: [
          ['alice', 'p1', 'local-authority (statutory)', '1', '0', '1', '0', '', '0%', '0%'],
          ['bob', 'p2', 'police (statutory)', '1', '1', '0', '0', '', '100%', '100%'],
        ],
      },
    ]);
  });

  /**
   * The pack without attendance-register.csv or its manifest entry, labelled with `csvFormat`, hashes
   * recomputed; also without what format 10 added (spending.csv, funding.csv's last column, ownerId),
   * so it is the pack a format 8 or 9 builder wrote.
   */
  async function withoutRegister(source: string, csvFormat: CsvFormat): Promise<string> {
    const files = await unzip(source);
    const funding = files.get('funding.csv')!.toString('utf8');
    expect(funding.split('\r\n')[0]).toMatch(/,ownerId$/);
    const out = join(tmp.dir, `without-register-${csvFormat}.zip`);
    await zipTo(
      out,
      withRecomputedManifest(files, (manifest, f) => {
        manifest.csvFormat = csvFormat;
        for (const name of [FILE, 'spending.csv']) f.delete(name);
        f.set('funding.csv', Buffer.from(funding.replace(/,[^,\r\n]*(?=\r\n|$)/g, '')));
      }),
    );
    return out;
  }
});
