import type { Actor } from '../../src/ledger/event-envelope';
import { demoReadSuite } from './support/projections-app';

interface ActionItem {
  actionId: string;
  text: string;
  dueDate?: string;
  targetMeetingId?: string;
}
interface Quorum {
  rule: string;
  quorate: boolean;
  missingStatutoryPartners: string[];
  seatsCovered: number;
  seatsHeld: number;
}
const SEP = 'wseb-2022-09-22';
const ids = (page: { items: ActionItem[] }) => page.items.map((i) => i.actionId).sort();

/**
 * Issue 17 item 6 and its acceptance, with the demo record loaded through the API: what a business
 * manager and a chair read back is what the minutes (../shared/seeds) show, and nothing the minutes
 * do not give is presented as if they did.
 */
describe('the demo record as the minutes show it (issue 17)', () => {
  const { get } = demoReadSuite();

  it('given the demo loaded, then the actions past their target meeting (or due date) on 1 June 2023 are the 33 open ones', async () => {
    const overdue = ids(await get('/action-log?overdue=true&asOf=2023-06-01&limit=200'));
    expect(overdue).toHaveLength(33);
    expect(overdue).toEqual(
      expect.arrayContaining([
        'worcs-scb-2019-03-13-a1',
        'wseb-before-2022-05-10-p1',
        'wseb-2022-05-10-a3',
        'wseb-2022-09-22-a7',
        'wseb-2022-09-22-a8',
      ]),
    );
    // Completed and closed earlier actions are not overdue.
    expect(overdue).not.toContain('wseb-before-2022-05-10-p4');
    expect(overdue).not.toContain('worcs-scb-2018-12-05-log-2-5');
  });

  it('given the police update minuted "within six months", then it is due on 22 March 2023, not at the next meeting', async () => {
    const a8 = (await get(`/action-log/${SEP}-a8`)) as ActionItem;
    expect(a8.dueDate).toBe('2023-03-22');
    expect(a8.targetMeetingId).toBeUndefined();
    expect(a8.text).toContain('(minuted: "Within six months"; due by 2023-03-22, 6 months from the meeting)');
    // Not overdue on the day it is due; overdue the day after.
    expect(ids(await get('/action-log?overdue=true&overdueOn=2023-03-22&limit=200'))).not.toContain(`${SEP}-a8`);
    expect(ids(await get('/action-log?overdue=true&overdueOn=2023-03-23&limit=200'))).toContain(`${SEP}-a8`);
  });

  it('given an action with no due date minuted, then its own text says the next meeting is illustrative', async () => {
    const a7 = (await get(`/action-log/${SEP}-a7`)) as ActionItem;
    expect(a7).toMatchObject({ targetMeetingId: 'wseb-2022-11-08' });
    expect(a7.text).toContain('(no due date minuted; illustrative: due back at the next meeting, wseb-2022-11-08)');
    const earlier = (await get('/action-log/wseb-before-2022-05-10-p1')) as ActionItem;
    expect(earlier.text).toContain('due back at wseb-2022-05-10, the meeting whose action log reports on it');
  });

  // The actions an agency owns through its people at the time (Pete Hill's five for the police) are
  // action-log-demo.e2e.spec.ts's, over the same demo record.

  it('given the 22 Sept 2022 attendance, then it reads back as the minutes list it', async () => {
    const m = (await get(`/meetings/${SEP}`)) as { attendance: Array<{ personId: string; status: string }> };
    const listed = (status: string) =>
      m.attendance
        .filter((a) => a.status === status)
        .map((a) => a.personId)
        .sort();
    // "Present", "In Attendance" and "Apologies" of the minutes (001_c61fdfe20dc690cb.txt).
    expect(listed('present')).toEqual(
      ['elaine-coleridge-smith', 'jackie-channell', 'jo-davies', 'john-coleman', 'julie-smith', 'pete-hill'].sort(),
    );
    expect(listed('in-attendance')).toEqual(['amrita-sharma', 'chelsea-jones']);
    expect(listed('apologies')).toEqual(['nigel-minns', 'tracy-pilcher']);
    expect(m.attendance).toHaveLength(10);
    expect(m.attendance.filter((a) => a.status === 'deputising')).toEqual([]);
  });

  it('given the council and ICB leads on apologies with no deputy named, then the 22 Sept 2022 decisions read quorate: each statutory partner had members present', async () => {
    const page = (await get(`/decision-register?meeting=${SEP}&limit=200`)) as {
      items: Array<{ decisionId: string; meeting: { quorum?: Quorum } }>;
    };
    expect(page.items).toHaveLength(11);
    const quorate: Quorum = {
      rule: 'each-statutory-partner',
      quorate: true,
      missingStatutoryPartners: [],
      // Held: the chair, Nigel Minns, Pete Hill, Jackie Channell, Tracy Pilcher, Jo Davies, John Coleman, Julie Smith.
      seatsCovered: 6,
      seatsHeld: 8,
    };
    for (const d of page.items) expect([d.decisionId, d.meeting.quorum]).toEqual([d.decisionId, quorate]);
    const inquorate = (await get('/decision-register?quorate=false&limit=200')) as { items: unknown[] };
    expect(inquorate.items).toEqual([]);
  });

  it("given the board's members loaded from the attendance lists, then each cites its list and the rule says it is illustrative", async () => {
    const b = (await get('/boards/wseb')) as {
      memberships: Array<{ personId: string; partnerId: string; from: string; to?: string; source?: string }>;
      quorumRules: Array<{ rule: string; from: string; source?: string }>;
    };
    expect(b.memberships.map((m) => [m.personId, m.partnerId, m.from, m.to])).toEqual(
      expect.arrayContaining([
        ['jackie-channell', 'coventry-warwickshire-ccg', '2022-05-10', '2022-06-30'],
        ['jackie-channell', 'coventry-warwickshire-icb', '2022-07-01', undefined],
        ['tracy-pilcher', 'coventry-warwickshire-icb', '2022-09-22', undefined],
      ]),
    );
    for (const m of b.memberships) expect(m.source).toMatch(/^00[01]_[0-9a-f]+\.txt, WSEB minutes, /);
    expect(b.quorumRules).toEqual([expect.objectContaining({ rule: 'each-statutory-partner', from: '2022-05-10' })]);
    expect(b.quorumRules[0].source).toMatch(/^\(illustrative\) the seeds state no quorum rule/);
  });

  it("given \"All agreed to sign off\", then the sign-off is the board's: no partner's signature is put in a person's name", async () => {
    const [so] = (await get('/decision-register/wseb-2022-05-10-d-cspr-james-signoff')).signoffs as Array<{
      status: string;
      signatures: Array<{ partnerId: string; signedByPersonId?: string; signedAt: { actor: { role: string } } }>;
    }>;
    expect(so.status).toBe('completed');
    expect(so.signatures.map((s) => [s.partnerId, s.signedByPersonId, s.signedAt.actor.role])).toEqual([
      ['warwickshire-county-council', undefined, 'chair'],
      ['warwickshire-police', undefined, 'chair'],
      ['coventry-warwickshire-ccg', undefined, 'chair'],
    ]);
  });

  it("given a pledge the minutes record as the board's collective agreement, then no person is its pledger unless labelled illustrative", async () => {
    const { events } = (await get('/ledger/streams/budget-2022-23')) as {
      events: Array<{ type: string; data: { pledgeId: string; source?: string }; metadata: { actor: Actor } }>;
    };
    const pledges = events.filter((e) => e.type === 'contribution-pledged');
    expect(pledges).toHaveLength(3);
    // The minutes name one person agreeing a pledge: "JG agreed to underwrite and split the costs."
    const namedInMinutes: Record<string, { userId: string; words: string }> = {
      'ws-2022-23-underwrite-health': {
        userId: 'jo-galloway',
        words: '"JG agreed to underwrite and split the costs."',
      },
    };
    for (const { data, metadata } of pledges) {
      const named = namedInMinutes[data.pledgeId];
      if (named?.userId === metadata.actor.userId) expect(data.source).toContain(named.words);
      else expect([data.pledgeId, data.source]).toEqual([data.pledgeId, expect.stringMatching(/^\(illustrative\) /)]);
      expect(data.source).toContain(
        'the board\'s collective agreement: "NM suggested that the three statutory partners',
      );
    }
    const year = (await get('/budgets/2022-23/contributions')) as {
      partners: Array<{ pledges: Array<{ pledgeId: string; source?: string }> }>;
    };
    const read = year.partners
      .flatMap((p) => p.pledges)
      .map((p) => [p.pledgeId, p.source?.startsWith('(illustrative)')]);
    expect(read.sort()).toEqual([
      ['ws-2022-23-underwrite-health', false],
      ['ws-2022-23-underwrite-police', true],
      ['ws-2022-23-underwrite-wcc', true],
    ]);
  });

  it('given April 2023 named only as a forward-plan month, then it is a forward-plan item and no meeting is invented', async () => {
    const item = (await get('/forward-plan/wseb-fp-2023-04-police-inspection')) as Record<string, unknown>;
    expect(item).toMatchObject({ boardId: 'wseb', month: '2023-04', status: 'planned' });
    expect(item).not.toHaveProperty('meetingId');
    expect(item.from).toEqual({ kind: 'action', id: `${SEP}-a7` });
    expect(item.title).toContain('[source: 001_c61fdfe20dc690cb.txt, item 9');
    const july = (await get('/meetings/wseb-2022-07')) as { title: string };
    expect(july.title).toContain('illustrative date 2022-07-01: the minutes give the month only');
    // A time of day the minutes give is kept; one they do not give is labelled where it stands in.
    const november = (await get('/meetings/wseb-2022-11-08')) as { title: string; scheduledFor: string };
    expect(november.scheduledFor).toBe('2022-11-08T09:30:00.000Z');
    expect(november.title).not.toContain('time of day');
    const september = (await get(`/meetings/${SEP}`)) as { title: string };
    expect(september.title).toBe(
      'Warwickshire Safeguarding Executive Board (time of day not minuted: 10:00 illustrative)',
    );
    const meetings = (await get('/meetings?board=wseb&limit=200')) as { items: Array<{ meetingId: string }> };
    expect(meetings.items.map((m) => m.meetingId)).not.toContain('wseb-2023-04');
  });
});
