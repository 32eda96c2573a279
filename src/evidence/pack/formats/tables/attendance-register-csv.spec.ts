import { storedEventFactory } from '../../../../ledger/testing/stored-events';
import type { StoredEvent } from '../../../../ledger/event-envelope';
import { parseCsv } from '../csv';
import { ATTENDANCE_REGISTER_COLUMNS } from './attendance-register-csv';
import { packTables, tableList } from './pack-tables';

const YEAR_START = '2022-04-01T09:00:00.000Z';

/** WSEB with a council seat and an ICB seat (its standing deputy named), and two meetings in 2022-23. */
function wsebEvents(): StoredEvent[] {
  const event = storedEventFactory();
  const board = (type: string, data: object) => event('board-wseb', type, { boardId: 'wseb', ...data }, YEAR_START);
  const meeting = (meetingId: string, type: string, data: object, at: string) =>
    event(`meeting-${meetingId}`, type, { meetingId, ...data }, at);
  const member = (seat: string, partnerId: string, personId: string, statutory: boolean) =>
    board('board-member-added', { seat, partnerId, personId, statutory, from: '2022-04-01' });
  const attendance = (meetingId: string, at: string, entries: [personId: string, status: string][]) =>
    meeting(
      meetingId,
      'attendance-recorded',
      { entries: entries.map(([personId, status]) => ({ personId, status })) },
      at,
    );
  return [
    board('board-registered', { name: 'WSEB', kind: 'executive-board' }),
    member('local-authority', 'warwickshire-county-council', 'nigel-minns', true),
    member('health', 'cw-icb', 'jackie-channell', true),
    member('education', 'schools', 'head-rep', false),
    board('board-deputy-arranged', { seat: 'health', deputyPersonId: 'jo-galloway', from: '2022-04-01' }),
    meeting('may', 'meeting-scheduled', { boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z' }, YEAR_START),
    meeting('sep', 'meeting-scheduled', { boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00.000Z' }, YEAR_START),
    attendance('may', '2022-05-10T12:00:00.000Z', [
      ['nigel-minns', 'present'],
      ['jackie-channell', 'apologies'],
      ['jo-galloway', 'present'],
      ['head-rep', 'present'],
    ]),
    attendance('sep', '2022-09-22T12:00:00.000Z', [
      ['nigel-minns', 'apologies'],
      ['jackie-channell', 'apologies'],
      ['head-rep', 'present'],
    ]),
  ];
}

/** The CSV as a pack writes it, every table folding every event as the builder and verifier do. */
function registerCsv(events: StoredEvent[]): string[][] {
  const tables = packTables('2023-03-31');
  for (const e of events) for (const t of tableList(tables)) t.add(e);
  return parseCsv(tables.attendanceRegister.csv());
}

describe('attendance-register.csv: the annual report attendance appendix, from the events', () => {
  it('given members and two meetings in a year, then one row per member with held, attended, apologies, deputised (by whom) and rates', () => {
    // Given the board's members and its meetings' attendance; when the pack's tables fold them
    const [header, ...rows] = registerCsv(wsebEvents());
    // Then
    expect(header).toEqual(ATTENDANCE_REGISTER_COLUMNS);
    expect(rows).toEqual([
      ['wseb', '2022-23', 'head-rep', 'schools', 'education', 'false', '2', '2', '0', '0', '', '100', '100'],
      ['wseb', '2022-23', 'jackie-channell', 'cw-icb', 'health', 'true', '2', '0', '2', '1', 'jo-galloway', '0', '50'],
      [
        'wseb',
        '2022-23',
        'nigel-minns',
        'warwickshire-county-council',
        'local-authority',
        'true',
        '2',
        '1',
        '1',
        '0',
        '',
        '50',
        '50',
      ],
    ]);
  });

  it("given meetings but none of the board's members recorded (its stream not in the pack), then no rows", () => {
    const events = wsebEvents().filter((e) => !e.streamId.startsWith('board-'));
    expect(registerCsv(events)).toEqual([ATTENDANCE_REGISTER_COLUMNS]);
  });
});
