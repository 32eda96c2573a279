import { demoData } from '../../demo/data';
import type { AuditDoc } from '../../projections/assurance/audit-doc';
import type { ThematicReviewDoc } from '../../projections/assurance/thematic-review-doc';
import type { ReviewActivityDoc } from '../../projections/review-activity/review-activity-doc';
import { DemoLoadError, loadDemo } from '../../demo/load/load-demo';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { eventCount, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/** The whole demo data set goes in through the HTTP API with no error, once and only once. */
describe('demo data loader (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads every record with no error, then a second run replays and writes nothing', async () => {
    const first = await loadDemo(t.app);
    const afterFirst = await eventCount(t);
    expect(first.replayed).toBe(0);
    expect(first.eventsWritten).toBe(afterFirst);
    expect(first.recordsCreated).toBeGreaterThan(demoData.partners.length + demoData.people.length);

    const second = await loadDemo(t.app);
    expect(second).toEqual({ requests: first.requests, replayed: first.requests, recordsCreated: 0, eventsWritten: 0 });
    expect(await eventCount(t)).toBe(afterFirst);
  });

  it('leaves every hash chain intact', async () => {
    const report = await verifyStore(t.store);
    expect(report).toMatchObject({ ok: true, problems: [], eventsChecked: await eventCount(t) });
  });

  it('registers every partner, person, board, recorded meeting and case review of the data set', async () => {
    const streams = new Set((await t.store.readAll()).map((e) => e.streamId));
    const expected = [
      ...demoData.partners.map((p) => `partner-${p.id}`),
      ...demoData.people.map((p) => `person-${p.id}`),
      ...demoData.boards.map((b) => `board-${b.id}`),
      ...demoData.meetings.map((m) => `meeting-${m.id}`),
      ...demoData.referencedMeetings.map((m) => `meeting-${m.id}`),
      ...demoData.caseReviews.map((c) => `casereview-${c.id}`),
    ];
    expect(expected.filter((s) => !streams.has(s))).toEqual([]);
  });

  it("traces the demo case reviews' chains: the sign-offs the minutes record, the actions, the inquest delay", async () => {
    await t.app.get(ProjectionRunner).waitFor((await t.store.headPosition())!);
    const chain = async (id: string) =>
      (
        (await send(t, `/case-reviews/${id}/chain`, undefined, { method: 'GET' })).body as {
          steps: { stage: string; type: string; recordId: string }[];
        }
      ).steps.map((s) => `${s.stage}:${s.type}:${s.recordId}`);
    const james = await chain('ws-cspr-james');
    expect(james).toEqual(
      expect.arrayContaining([
        'reviewer:reviewer-appointed:ws-cspr-james',
        'sign-off:signoff-completed:wseb-2022-05-10-so-cspr-james',
        'action:action-raised:wseb-2022-05-10-a3',
        'briefing:learning-briefing-drafted:ws-cspr-james',
      ]),
    );
    const scr = await chain('worcs-scr-2019');
    expect(scr).toEqual(
      expect.arrayContaining([
        'publication:publication-delayed:worcs-scr-2019',
        'action:action-raised:worcs-scb-2019-03-13-a1',
      ]),
    );
  });

  it('stops at the first refusal, naming the request, the status and the problem', async () => {
    const other = await startTestApp();
    try {
      // One attendance line names someone the data set never registers: the API refuses it.
      const meetings = demoData.meetings.map((m) =>
        m.id === 'wseb-2022-05-10'
          ? { ...m, attendance: [...m.attendance, { personId: 'nobody-registered', status: 'present' as const }] }
          : m,
      );
      const failure = await loadDemo(other.app, { ...demoData, meetings }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(DemoLoadError);
      expect(failure).toMatchObject({
        status: 422,
        problem: { code: 'person-not-registered' },
        request: { url: '/meetings/wseb-2022-05-10/attendance' },
      });
      expect((failure as Error).message).toContain(
        'POST /meetings/wseb-2022-05-10/attendance as amrita-sharma (business-manager) answered 422',
      );
      const meeting = await other.store.readStream('meeting-wseb-2022-05-10');
      expect(meeting.map((e) => e.type)).toEqual(['meeting-scheduled']);
    } finally {
      await other.close();
    }
  });

  it('shows the thematic review with its three partner plans and the audits over HTTP, each citing its document', async () => {
    await t.app.get(ProjectionRunner).waitFor((await t.store.headPosition())!);
    const get = async <T>(url: string) => (await send(t, url, undefined, { method: 'GET' })).body as T;
    const review = await get<ThematicReviewDoc>('/thematic-reviews/ws-str-core-practice-2022');
    expect(review).toMatchObject({ openedOn: '2022-09-22', boardId: 'wseb' });
    expect(review.title).toContain('[source: 001_c61fdfe20dc690cb.txt, WSEB 22 Sep 2022, item 5]');
    expect(review.areas).toHaveLength(7);
    expect(review.plans.map((p) => [p.partnerId, p.actions])).toEqual(
      ['warwickshire-police', 'warwickshire-county-council', 'coventry-warwickshire-icb'].map((partnerId) => [
        partnerId,
        [{ findingId: 'core-practice-findings', actionId: 'wseb-2022-09-22-a2' }],
      ]),
    );
    const mash = await get<AuditDoc>('/multi-agency-audits/ws-mash-front-door-2022');
    expect(mash.workingGroup).toContain('front door service manager');
    expect(mash.templates).toContain('001_c61fdfe20dc690cb.txt, WSEB 22 Sep 2022, item 6');
    // The seeds give the MASH audit no returns: none is recorded, so no rate is shown.
    expect(mash.returnRate).toEqual({ asked: 0, returned: 0, percent: null });
    const schools = await get<AuditDoc>('/multi-agency-audits/worcs-s157-175-schools-audit-2019');
    expect(schools.returnRate.previousPercent).toBe(74);
    expect(schools.findings.map((f) => f.text).join(' ')).toContain('100% return (74% last year)');
    expect(schools.closure).toMatchObject({ closedOn: '2019-03-13' });
    const audits = (await get<{ items: AuditDoc[] }>('/multi-agency-audits')).items.map((a) => a.auditId);
    expect(audits).toEqual(expect.arrayContaining(['ws-mash-front-door-2022', 'worcs-s157-175-schools-audit-2019']));
  });

  it("records Warwickshire's 2019-20 review activity as the report states it: 14 rapid reviews (15 in its summary), cited", async () => {
    await t.app.get(ProjectionRunner).waitFor((await t.store.headPosition())!);
    const got = await send(t, '/review-activity/ws-review-activity-2019-20', undefined, { method: 'GET' });
    const activity = got.body as ReviewActivityDoc;
    expect(activity).toMatchObject({
      boardId: 'wseb',
      period: '2019-20',
      referrals: { total: 21, adult: 11, children: 10 },
      rapidReviews: { total: 14, adult: 8, children: 6, statedElsewhere: 15 },
      fullReviews: { total: 4, adult: 1, children: 2, joint: 1 },
      registered: { occurredAt: '2020-11-12T10:00:00.000Z' },
    });
    expect(activity.cites.map((c) => [c.document, c.where.slice(0, 40)])).toEqual([
      ['004_b85c101c21a9f075.txt', 'Safeguarding Reviews: "No. of Rapid Revi'],
      ['004_b85c101c21a9f075.txt', 'executive summary, Safeguarding Reviews:'],
    ]);
  });
});
