import { join } from 'node:path';
import { parseCsv } from '../../src/evidence/pack/formats/csv';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';

/** The synthetic partnership, with attendance at m1 (an apology, a deputy, a correction) and a board meeting m3 that made no record. */
async function ledger(): Promise<MemoryEventStore> {
  const store = await syntheticLedger();
  const day = '2022-03-01T12:00:00Z';
  await put(
    store,
    'meeting-m1',
    'attendance-recorded',
    {
      meetingId: 'm1',
      entries: [
        { personId: 'alice', status: 'present', representingPartnerId: 'p1' },
        { personId: 'bob', status: 'apologies' },
        { personId: 'carol', status: 'deputising', deputisingForPersonId: 'bob' },
      ],
    },
    day,
  );
  await put(
    store,
    'meeting-m1',
    'attendance-corrected',
    {
      meetingId: 'm1',
      personId: 'alice',
      entry: { personId: 'alice', status: 'in-attendance', representingPartnerId: 'p1' },
      previous: { personId: 'alice', status: 'present', representingPartnerId: 'p1' },
    },
    day,
  );
  await put(
    store,
    'meeting-m3',
    'meeting-scheduled',
    { meetingId: 'm3', boardId: 'b1', scheduledFor: '2022-09-01T10:00:00Z' },
    '2022-08-01T09:00:00Z',
  );
  await put(
    store,
    'meeting-m3',
    'attendance-recorded',
    {
      meetingId: 'm3',
      entries: [{ personId: 'alice', status: 'present', representingPartnerId: 'p1' }],
    },
    '2022-09-01T12:00:00Z',
  );
  return store;
}

const rows = (files: Map<string, Buffer>, name: string) => parseCsv(files.get(name)!.toString('utf8'));

describe('meetings and attendance in evidence packs', () => {
  const tmp = tempDir();
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = await ledger();
  });
  afterAll(() => tmp.remove());

  it('given records made at a meeting, then the pack lists that meeting and its attendance as corrected, and verifies', async () => {
    const file = join(tmp.dir, 'records.zip');
    await buildToFile(store, request({ records: ['actions'], boardIds: ['b1'] }), file);
    const files = await unzip(file);
    expect(rows(files, 'meetings.csv').map((r) => [r[0], r[6], r[7], r[8], r[9]])).toEqual([
      ['meetingId', 'attending', 'apologies', 'deputies', 'attendanceCorrections'],
      ['m1', '2', '1', '1', '1'],
    ]);
    expect(
      rows(files, 'attendance.csv')
        .slice(1)
        .map((r) => [r[0], r[3], r[4], r[5], r[6], r[7]]),
    ).toEqual([
      ['m1', 'alice', 'in-attendance', '', 'p1', 'true'],
      ['m1', 'bob', 'apologies', '', '', 'false'],
      ['m1', 'carol', 'deputising', 'bob', '', 'false'],
    ]);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given meetings asked for, then a meeting with no record is in the pack too, by board and period', async () => {
    const file = join(tmp.dir, 'meetings.zip');
    await buildToFile(store, request({ records: ['meetings'], boardIds: ['b1'], from: '2022-08-01' }), file);
    const files = await unzip(file);
    expect(
      rows(files, 'meetings.csv')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['m3']);
    expect(
      rows(files, 'attendance.csv')
        .slice(1)
        .map((r) => [r[0], r[3]]),
    ).toEqual([['m3', 'alice']]);
    expect((await verifyPack(file)).ok).toBe(true);
  });

  it('given meetings asked for by partner, then only meetings that partner attended or was represented at', async () => {
    const file = join(tmp.dir, 'partner.zip');
    await buildToFile(store, request({ records: ['meetings'], partnerIds: ['p1'] }), file);
    expect(
      rows(await unzip(file), 'meetings.csv')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['m1', 'm3']);
  });

  it('given an attendance cell edited and the hashes recomputed, when verified, then the cell is named', async () => {
    const file = join(tmp.dir, 'records.zip');
    const files = await unzip(file);
    const edited = files.get('attendance.csv')!.toString('utf8').replace('bob,apologies', 'bob,present');
    const forged = join(tmp.dir, 'forged.zip');
    await zipTo(forged, withRecomputedManifest(new Map([...files, ['attendance.csv', Buffer.from(edited)]])));
    expect((await verifyPack(forged)).problems).toEqual([
      expect.objectContaining({ file: 'attendance.csv', row: 2, column: 'status' }),
    ]);
  });

  it('given meetings.csv and attendance.csv taken out with their manifest entries, when verified, then both are missing', async () => {
    const files = await unzip(join(tmp.dir, 'records.zip'));
    const stripped = join(tmp.dir, 'stripped.zip');
    await zipTo(
      stripped,
      withRecomputedManifest(files, (_manifest, f) => {
        f.delete('meetings.csv');
        f.delete('attendance.csv');
      }),
    );
    expect((await verifyPack(stripped)).problems).toEqual([
      expect.objectContaining({ file: 'meetings.csv', message: expect.stringMatching(/missing/) }),
      expect.objectContaining({ file: 'attendance.csv', message: expect.stringMatching(/missing/) }),
    ]);
  });
});
