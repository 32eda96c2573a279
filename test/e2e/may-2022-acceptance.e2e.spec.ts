import { loadDemo } from '../../demo/load/load-demo';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The issue's acceptance: the Warwickshire Safeguarding Executive Board of 10 May 2022, loaded
 * through the API from the demo data, read back from the ledger's streams as an auditor would
 * (GET /ledger/streams/:id), with who did it, the business date and an intact hash chain.
 */
const M = 'wseb-2022-05-10';
const STATUTORY = ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-ccg'];
const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const rep = (userId: string, agency: string) => ({ userId, role: 'partner-representative', agency });
/** "All agreed to sign off": the board's collective decision, each partner's agreement recorded by the chair. */
const chair = { userId: 'elaine-coleridge-smith', role: 'chair', agency: 'warwickshire-safeguarding' };

describe('May 2022 Warwickshire executive board, read back from the ledger (acceptance)', () => {
  let t: TestApp;
  let auditor: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    auditor = await t.token({ userId: 'inspector-audit', role: 'auditor', agency: 'ofsted' });
  });
  afterAll(() => t.close());

  async function stream(streamId: string): Promise<StoredEvent[]> {
    const res = await t.app.inject({
      method: 'GET',
      url: `/ledger/streams/${streamId}`,
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ events: StoredEvent[] }>().events;
  }
  const only = (events: StoredEvent[], type: string) => events.filter((e) => e.type === type);
  const one = (events: StoredEvent[], type: string) => {
    const found = only(events, type);
    expect(found).toHaveLength(1);
    return found[0];
  };
  /** Every event the acceptance names carries the token's actor and the meeting's business date. */
  function expectRecordedAtMay(events: StoredEvent[], actor: object) {
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.metadata.actor).toEqual(actor);
      expect(e.metadata.occurredAt.slice(0, 10)).toBe('2022-05-10');
    }
  }

  it('records the meeting and its attendance as minuted', async () => {
    const events = await stream(`meeting-${M}`);
    expect(one(events, 'meeting-scheduled').data).toMatchObject({
      boardId: 'wseb',
      scheduledFor: '2022-05-10T10:00:00.000Z',
    });
    expect(one(events, 'attendance-recorded').data).toEqual({
      meetingId: M,
      entries: [
        { personId: 'elaine-coleridge-smith', status: 'present', representingPartnerId: 'warwickshire-safeguarding' },
        { personId: 'jackie-channell', status: 'present', representingPartnerId: 'coventry-warwickshire-ccg' },
        { personId: 'pete-hill', status: 'present', representingPartnerId: 'warwickshire-police' },
        { personId: 'jo-galloway', status: 'present', representingPartnerId: 'coventry-warwickshire-ccg' },
        { personId: 'nigel-minns', status: 'present', representingPartnerId: 'warwickshire-county-council' },
        { personId: 'lucy-young', status: 'to-present' },
        { personId: 'amrita-sharma', status: 'in-attendance', representingPartnerId: 'warwickshire-safeguarding' },
        { personId: 'kiran-mahal', status: 'minute-taker', representingPartnerId: 'warwickshire-safeguarding' },
      ],
    });
    expect(one(events, 'previous-minutes-approved').data).toMatchObject({
      previousMeetingId: 'wseb-before-2022-05-10',
      outcome: 'accurate',
    });
    expect(only(events, 'agenda-item-added').map((e) => (e.data as { itemNumber: number }).itemNumber)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expectRecordedAtMay(
      events.filter((e) => e.type !== 'meeting-closed'),
      manager,
    );
    expect(one(events, 'meeting-closed').metadata.actor).toEqual(manager);
  });

  it("signs off the CSPR report subject to the changes agreed, as the board's collective decision naming no signatory", async () => {
    const events = await stream(`signoff-${M}-so-cspr-james`);
    expect(one(events, 'signoff-requested').data).toMatchObject({
      requiredPartnerIds: STATUTORY,
      meetingId: M,
      decisionId: `${M}-d-cspr-james-signoff`,
    });
    const signed = only(events, 'signoff-signed');
    expect(signed.map((e) => e.data)).toEqual(
      STATUTORY.map((partnerId) =>
        expect.objectContaining({
          partnerId,
          conditions: ['Report updated according to the discussion (action wseb-2022-05-10-a3).'],
        }),
      ),
    );
    for (const e of signed) expect(e.data).not.toHaveProperty('signedByPersonId');
    expectRecordedAtMay(signed, chair);
    expect(one(events, 'signoff-completed').data).toMatchObject({ partnerIds: STATUTORY, subjectToConditions: true });
    const decision = one(await stream(`decision-${M}-d-cspr-james-signoff`), 'decision-recorded');
    expect(decision.data).toMatchObject({
      outcome: 'agreed',
      conditions: [expect.objectContaining({ text: 'Reviewer updates the report in line with the discussion.' })],
    });
  });

  it('endorses the training proposal with a £4,000 budget', async () => {
    const decision = one(await stream(`decision-${M}-d-training-proposal`), 'decision-recorded');
    expect(decision.data).toMatchObject({ meetingId: M, itemNumber: 5, outcome: 'endorsed', budgetPence: 400000 });
    expectRecordedAtMay([decision], manager);
  });

  it('signs off the carers information pack without conditions', async () => {
    const events = await stream(`signoff-${M}-so-cic-carers-pack`);
    expect(only(events, 'signoff-signed').map((e) => (e.data as { partnerId: string }).partnerId)).toEqual(STATUTORY);
    expect(one(events, 'signoff-completed').data).toMatchObject({ subjectToConditions: false });
    expectRecordedAtMay(only(events, 'signoff-requested'), manager);
  });

  it.each([
    ['a1', [{ kind: 'team', name: 'WS Business Team' }], { targetMeetingId: 'wseb-2022-06-07' }],
    ['a2', [{ kind: 'person', personId: 'elaine-coleridge-smith' }], {}],
    ['a3', [{ kind: 'person', personId: 'lucy-young' }], {}],
    [
      'a4',
      [
        { kind: 'person', personId: 'pete-hill' },
        { kind: 'person', personId: 'amrita-sharma' },
      ],
      {},
    ],
    [
      'a5',
      [
        { kind: 'person', personId: 'caroline-mccluskey' },
        { kind: 'person', personId: 'kiran-mahal' },
      ],
      {},
    ],
    ['a6', [{ kind: 'person', personId: 'jackie-channell' }], {}],
    ['a7', [{ kind: 'person', personId: 'amrita-sharma' }], {}],
    [
      'a8',
      [
        { kind: 'person', personId: 'amrita-sharma' },
        { kind: 'person', personId: 'pete-hill' },
      ],
      {},
    ],
    ['a9', [{ kind: 'team', name: 'All' }], {}],
    ['a10', [{ kind: 'team', name: 'WS Business Team' }], { targetMeetingId: 'wseb-2022-07' }],
    ['a11', [{ kind: 'person', personId: 'jo-galloway' }], {}],
  ])('raises action %s with its owners as minuted', async (n, owners, due) => {
    const raised = one(await stream(`action-${M}-${n}`), 'action-raised');
    expect(raised.data).toMatchObject({ meetingId: M, owners, ...due });
    expectRecordedAtMay([raised], manager);
  });

  it('underwrites the £21,649 shortfall on the £321,000 budget up to £7,000 per statutory partner, £649 uncovered', async () => {
    const events = await stream('budget-2022-23');
    expect(one(events, 'budget-set').data).toMatchObject({ totalPence: 32100000 });
    const pledges = only(events, 'contribution-pledged');
    expect(pledges.map((e) => e.data)).toEqual(
      STATUTORY.map((partnerId) => expect.objectContaining({ partnerId, amountPence: 700000, basis: 'up-to' })),
    );
    // Only a partner's representative may pledge. The minutes name Jo Galloway agreeing for the CCG
    // ("JG agreed to underwrite and split the costs."); for the council and the police they record only
    // the board's collective agreement, so the member who stands in is labelled illustrative in the pledge.
    expectRecordedAtMay([pledges[0]], rep('nigel-minns', STATUTORY[0]));
    expectRecordedAtMay([pledges[1]], rep('pete-hill', STATUTORY[1]));
    expectRecordedAtMay([pledges[2]], rep('jo-galloway', STATUTORY[2]));
    const sources = pledges.map((e) => (e.data as { source: string }).source);
    expect(sources[0]).toMatch(/^\(illustrative\) recorded in the name of Nigel Minns/);
    expect(sources[1]).toMatch(/^\(illustrative\) recorded in the name of Pete Hill/);
    expect(sources[2]).toMatch(
      /^Minutes 2022-05-10 \(seeds 000_64efb88b0888e5ea.txt\), item 10 'WS Resources': "JG agreed/,
    );
    const underwriting = one(events, 'shortfall-underwriting-agreed');
    expect(underwriting.data).toMatchObject({
      shortfallPence: 2164900,
      method: 'fixed-caps',
      basis: 'in-principle',
      coveredPence: 2100000,
      uncoveredPence: 64900,
      shares: STATUTORY.map((partnerId) => ({ partnerId, sharePence: 700000, capPence: 700000 })),
    });
    expectRecordedAtMay([one(events, 'budget-set'), underwriting], manager);
  });

  it('makes JTAI preparation the responsibility of the three statutory partners', async () => {
    const decision = one(await stream(`decision-${M}-d-jtai-responsibility`), 'decision-recorded');
    expect(decision.data).toMatchObject({
      meetingId: M,
      itemNumber: 10,
      outcome: 'agreed',
      responsiblePartnerIds: STATUTORY,
    });
    expectRecordedAtMay([decision], manager);
  });

  it('keeps every one of those streams on an intact hash chain', async () => {
    const streams = [
      `meeting-${M}`,
      `signoff-${M}-so-cspr-james`,
      `signoff-${M}-so-cic-carers-pack`,
      'budget-2022-23',
      `decision-${M}-d-cspr-james-signoff`,
      `decision-${M}-d-training-proposal`,
      `decision-${M}-d-jtai-responsibility`,
      ...Array.from({ length: 11 }, (_, i) => `action-${M}-a${i + 1}`),
    ];
    for (const streamId of streams) {
      const report = await verifyStore(t.store, streamId);
      expect({ streamId, ok: report.ok, problems: report.problems }).toEqual({ streamId, ok: true, problems: [] });
      expect(report.eventsChecked).toBeGreaterThan(0);
    }
  });
});
