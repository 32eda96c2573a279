import { randomUUID } from 'node:crypto';
import type { DecisionEvent } from '../../src/decisions';
import type { Actor } from '../../src/ledger/event-envelope';
import type { MeetingEvent } from '../../src/meetings';
import type { BoardEvent } from '../../src/partners';
import { send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const manager: Actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const SEP = 'wseb-2022-09-22';
const sep = '2022-09-22T09:30:00.000Z';

/**
 * A board seated with only the statutory partners' leads, met as on WSEB 22 Sept 2022 where the
 * council and ICB leads (Nigel Minns, Tracy Pilcher) both sent apologies and no deputy is named: with
 * no other member of either partner seated, under each-statutory-partner the meeting is inquorate and
 * so are its decisions. (The real minutes list other council and ICB members present: the demo record
 * reads quorate, test/read-models/demo-record-acceptance.e2e.spec.ts.)
 */
describe('quorum of meetings and their decisions (e2e, synthetic ledger)', () => {
  let t: ProjectionsTestApp;
  const positions: Record<string, number> = {};
  const get = (url: string) => send(t, url, undefined, { method: 'GET' });
  async function append(streamId: string, type: string, data: unknown, occurredAt: string): Promise<number> {
    const id = randomUUID();
    const metadata = { actor: manager, correlationId: id, causationId: id, occurredAt };
    return (await t.store.append(streamId, [{ id, type, schemaVersion: 1, data, metadata }], 'any')).position;
  }
  const board = (e: BoardEvent, at = '2022-01-01T09:00:00.000Z') => append('board-wseb', e.type, e.data, at);
  const meeting = (e: MeetingEvent) => append(`meeting-${e.data.meetingId}`, e.type, e.data, sep);
  const decision = (e: DecisionEvent) => append(`decision-${e.data.decisionId}`, e.type, e.data, sep);
  const member = (seat: string, partnerId: string, personId: string, statutory = true) =>
    board({
      type: 'board-member-added',
      data: { boardId: 'wseb', seat, partnerId, personId, statutory, from: '2022-01-01' },
    });

  beforeAll(async () => {
    t = await startProjectionsApp({});
    await board({ type: 'board-registered', data: { boardId: 'wseb', name: 'WSEB', kind: 'executive-board' } });
    await member('local-authority', 'warwickshire-county-council', 'nigel-minns');
    await member('police', 'warwickshire-police', 'pete-hill');
    await member('health', 'cw-icb', 'tracy-pilcher');
    await member('education', 'schools', 'head-rep', false);
    positions.beforeRule = await meeting({
      type: 'meeting-scheduled',
      data: { meetingId: SEP, boardId: 'wseb', scheduledFor: sep },
    });
    positions.attendance = await meeting({
      type: 'attendance-recorded',
      data: {
        meetingId: SEP,
        entries: [
          { personId: 'nigel-minns', status: 'apologies' },
          { personId: 'tracy-pilcher', status: 'apologies' },
          { personId: 'pete-hill', status: 'present' },
          { personId: 'head-rep', status: 'present' },
        ],
      },
    });
    await decision({
      type: 'decision-recorded',
      data: {
        decisionId: `${SEP}-d-training`,
        meetingId: SEP,
        itemNumber: 5,
        outcome: 'agreed',
        text: 'Training offer agreed',
        conditions: [],
        responsiblePartnerIds: [],
      },
    });
    positions.last = await board({
      type: 'board-quorum-rule-set',
      data: { boardId: 'wseb', rule: 'each-statutory-partner', from: '2022-01-01' },
    });
    await t.runner.waitFor(positions.last);
  });
  afterAll(() => t.close());

  const inquorate = {
    rule: 'each-statutory-partner',
    quorate: false,
    missingStatutoryPartners: ['cw-icb', 'warwickshire-county-council'],
    seatsCovered: 2,
    seatsHeld: 4,
  };

  it('the board shows its members, and the meeting shows it was inquorate under the rule in force that day', async () => {
    const b = await get('/boards/wseb');
    expect(b.status).toBe(200);
    expect(b.body.memberships).toHaveLength(4);
    expect(b.body.quorumRules).toEqual([{ rule: 'each-statutory-partner', from: '2022-01-01' }]);
    const m = await get(`/meetings/${SEP}`);
    expect(m.status).toBe(200);
    expect(m.body.quorum).toEqual(inquorate);
  });

  it('the decision register shows the quorum of the meeting each decision was made at, and filters inquorate ones', async () => {
    const inq = await get('/decision-register?quorate=false');
    expect(inq.status).toBe(200);
    expect(inq.body.items.map((i: { decisionId: string }) => i.decisionId)).toEqual([`${SEP}-d-training`]);
    expect(inq.body.items[0].meeting.quorum).toEqual(inquorate);
    expect((await get('/decision-register?quorate=true')).body.items).toEqual([]);
  });

  it('the attendance register gives each member their year: attended, apologies, deputised and rates', async () => {
    const res = await get('/meetings/attendance-register?board=wseb&year=2022-23');
    expect(res.status).toBe(200);
    const line = (personId: string) => res.body.items.find((r: { personId: string }) => r.personId === personId);
    expect(res.body.items).toHaveLength(4);
    expect(line('nigel-minns')).toMatchObject({
      meetings: 1,
      attended: 0,
      apologies: 1,
      deputised: 0,
      attendanceRate: 0,
    });
    expect(line('pete-hill')).toMatchObject({ meetings: 1, attended: 1, apologies: 0, attendanceRate: 100 });
    expect((await get('/meetings/attendance-register?year=2021-22')).body.items).toEqual([]);
    expect((await get('/meetings/attendance-register?year=2022')).status).toBe(400);
  });

  it("the same register as the annual report's appendix in CSV: the pack's columns, an ETag, and a 400 for a bad year", async () => {
    const csv = async (query: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'GET',
        url: `/meetings/attendance-register.csv${query}`,
        headers: { authorization: `Bearer ${await t.token()}`, ...headers },
      });
    const res = await csv('?board=wseb&year=2022-23');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\r\n')).toEqual([
      'boardId,financialYear,personId,partnerId,seat,statutory,meetingsHeld,attended,apologies,deputised,deputisedBy,attendanceRate,coveredRate',
      'wseb,2022-23,head-rep,schools,education,false,1,1,0,0,,100,100',
      'wseb,2022-23,tracy-pilcher,cw-icb,health,true,1,0,1,0,,0,0',
      'wseb,2022-23,nigel-minns,warwickshire-county-council,local-authority,true,1,0,1,0,,0,0',
      'wseb,2022-23,pete-hill,warwickshire-police,police,true,1,1,0,0,,100,100',
      '',
    ]);
    expect((await csv('?board=wseb&year=2022-23', { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
    expect((await csv('?year=2021-22')).body).toBe(`${res.body.split('\r\n')[0]}\r\n`);
    const bad = await csv('?year=2022');
    expect({ status: bad.statusCode, type: bad.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json'),
    });
  });

  it('as known before the attendance was recorded, the register counts no meeting; as known after, the same rows as live', async () => {
    const before = await get(`/as-of/meetings/attendance-register?knownAt=${positions.beforeRule}&board=wseb`);
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([]);
    expect(before.body.asOf.position).toBe(positions.beforeRule);
    const after = await get(`/as-of/meetings/attendance-register?knownAt=${positions.attendance}&year=2022-23`);
    expect(after.status).toBe(200);
    expect(after.body.items).toHaveLength(4);
    expect(after.body.items).toEqual((await get('/meetings/attendance-register?year=2022-23')).body.items);
    expect((await get('/as-of/meetings/attendance-register?knownAt=1&year=22-23')).status).toBe(400);
  });

  it('as known before the rule was set, neither the meeting nor its decision is judged', async () => {
    const m = await get(`/as-of/meetings/${SEP}?knownAt=${positions.beforeRule + 1}`);
    expect(m.status).toBe(200);
    expect(m.body).not.toHaveProperty('quorum');
    const d = await get(`/as-of/decision-register?knownAt=${positions.last}&quorate=false`);
    expect(d.status).toBe(200);
    expect(d.body.items).toHaveLength(1);
  });
});
