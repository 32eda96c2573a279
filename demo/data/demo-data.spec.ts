/** Referential integrity, ids, dates and money of the demo data. */
import { allActions, allDecisions, allSignOffs } from './collect';
import { demoData, keyRecordIds, SOURCE_DOCUMENTS } from './index';

const d = demoData;
const actions = allActions(d);
const decisions = allDecisions(d);
const signOffs = allSignOffs(d);
const personIds = new Set(d.people.map((p) => p.id));
const partnerIds = new Set(d.partners.map((p) => p.id));
const boardIds = new Set(d.boards.map((b) => b.id));
const meetingIds = new Set([...d.meetings.map((m) => m.id), ...d.referencedMeetings.map((m) => m.id)]);
const actionIds = new Set(actions.map((a) => a.id));
const decisionIds = new Set(decisions.map((x) => x.id));
const recordIds = new Set([...actionIds, ...decisionIds, ...signOffs.map((s) => s.id)]);

const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
const missing = (refs: Array<string | undefined>, known: Set<string>) =>
  refs.filter((r): r is string => r !== undefined && !known.has(r));
const isIsoDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const weekday = (s: string) =>
  new Date(`${s}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
const meeting = (id: string) => {
  const m = d.meetings.find((x) => x.id === id);
  if (!m) throw new Error(`no meeting ${id}`);
  return m;
};

describe('demo data: ids', () => {
  it('has no duplicate ids in any collection', () => {
    expect(dupes(d.people.map((p) => p.id))).toEqual([]);
    expect(dupes(d.partners.map((p) => p.id))).toEqual([]);
    expect(dupes([...d.meetings.map((m) => m.id), ...d.referencedMeetings.map((m) => m.id)])).toEqual([]);
    expect(dupes(actions.map((a) => a.id))).toEqual([]);
    expect(dupes(decisions.map((x) => x.id))).toEqual([]);
    expect(dupes(signOffs.map((s) => s.id))).toEqual([]);
  });

  it('keys people by name slugs, never by initials', () => {
    for (const p of d.people) {
      expect(p.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      for (const initials of p.initialsAsWritten ?? []) expect(p.id).not.toBe(initials.toLowerCase());
    }
    const np = d.people.filter((p) => p.initialsAsWritten?.includes('NP'));
    expect(np.map((p) => p.id).sort()).toEqual(['nick-pullan', 'nicki-pettitt']);
    const jc = d.people.find((p) => p.initialsAsWritten?.includes('JC'));
    const jcol = d.people.find((p) => p.initialsAsWritten?.includes('JCol'));
    expect(jc?.id).toBe('jackie-channell');
    expect(jcol?.id).toBe('john-coleman');
  });
});

describe('demo data: references resolve', () => {
  it('every referenced person exists', () => {
    const refs: Array<string | undefined> = [
      ...d.boards.map((b) => b.chairPersonId),
      ...d.escalationProtocols.flatMap((p) => p.routes.map((r) => r.toPersonId)),
    ];
    for (const m of d.meetings) {
      refs.push(...m.attendance.flatMap((a) => [a.personId, a.deputisingForPersonId]));
      refs.push(...m.actionUpdates.map((u) => u.reportedByPersonId));
      for (const i of m.items) {
        refs.push(...(i.presenterPersonIds ?? []), ...(i.contributions ?? []).map((c) => c.personId));
        refs.push(...i.escalations.flatMap((e) => [e.raisedByPersonId, e.routeToPersonId]));
      }
    }
    refs.push(...actions.flatMap((a) => a.owners.map((o) => (o.kind === 'person' ? o.personId : undefined))));
    expect(missing(refs, personIds)).toEqual([]);
  });

  it('every referenced partner exists', () => {
    const refs: Array<string | undefined> = [
      ...d.people.map((p) => p.partnerId),
      ...d.boards.flatMap((b) => b.statutoryPartnerIds),
      ...d.partnerSuccessions.flatMap((s) => [s.fromPartnerId, s.toPartnerId]),
      ...d.funding.flatMap((f) => f.pledges.map((p) => p.partnerId)),
      ...d.escalationProtocols.flatMap((p) => p.routes.map((r) => r.partnerId)),
      ...signOffs.flatMap((s) => [...s.requiredPartnerIds, ...s.signedByPartnerIds]),
      ...actions.flatMap((a) => a.owners.map((o) => (o.kind === 'partner' ? o.partnerId : undefined))),
    ];
    for (const m of d.meetings) {
      refs.push(...m.attendance.map((a) => a.representingPartnerId));
      refs.push(...m.items.flatMap((i) => i.escalations.flatMap((e) => e.concernsPartnerIds)));
    }
    expect(missing(refs, partnerIds)).toEqual([]);
  });

  it('every referenced board, meeting, action and decision exists', () => {
    expect(
      missing(
        [...d.meetings, ...d.referencedMeetings].map((m) => m.boardId),
        boardIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        [...d.funding, ...d.carryForwards, ...d.reviewActivity, ...d.escalationProtocols].map((x) => x.boardId),
        boardIds,
      ),
    ).toEqual([]);
    const meetingRefs: Array<string | undefined> = [
      ...actions.map((a) => a.raisedAtMeetingId),
      ...actions.map((a) => (a.due?.kind === 'meeting' ? a.due.meetingId : undefined)),
      ...d.partnerSuccessions.map((s) => s.sourceMeetingId),
      ...d.funding.map((f) => f.sourceMeetingId),
      ...d.referencedMeetings.flatMap((r) => r.mentionedInMeetingIds),
    ];
    for (const m of d.meetings) {
      meetingRefs.push(m.nextMeetingId, m.previousMinutes?.previousMeetingId);
      meetingRefs.push(...m.actionUpdates.map((u) => u.recordedAtMeetingId));
      expect(m.actionUpdates.every((u) => u.recordedAtMeetingId === m.id)).toBe(true);
    }
    expect(missing(meetingRefs, meetingIds)).toEqual([]);
    expect(
      missing(
        d.meetings.flatMap((m) => m.actionUpdates.map((u) => u.actionId)),
        actionIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        actions.flatMap((a) => a.relatedIds ?? []),
        recordIds,
      ),
    ).toEqual([]);
    const decisionRefs = [
      ...signOffs.map((s) => s.decisionId),
      ...d.funding.flatMap((f) => [...f.pledges.map((p) => p.decisionId), ...f.allocations.map((x) => x.decisionId)]),
      ...d.escalationProtocols.flatMap((p) => [...p.adoptedByDecisionIds, ...p.routes.map((r) => r.decisionId)]),
    ];
    expect(missing(decisionRefs, decisionIds)).toEqual([]);
  });

  it('ids in keyRecordIds exist', () => {
    const all = new Set([
      ...meetingIds,
      ...recordIds,
      ...d.assuranceRecords.map((r) => r.id),
      ...d.funding.map((f) => f.id),
      ...d.funding.flatMap((f) => f.pledges.map((p) => p.id)),
      ...d.partnerSuccessions.map((s) => s.id),
      ...d.escalationProtocols.map((p) => p.id),
      ...d.caseReviews.map((c) => c.id),
    ]);
    const { meetings, fundingPledges, ...single } = keyRecordIds;
    expect(missing([...Object.values(meetings), ...fundingPledges, ...Object.values(single)], all)).toEqual([]);
  });
});

describe('demo data: dates and money', () => {
  it('all dates are valid ISO dates and written weekday mismatches are noted', () => {
    for (const m of [...d.meetings, ...d.referencedMeetings]) {
      if (m.date) expect(isIsoDate(m.date)).toBe(true);
      if (m.date && m.weekdayAsWritten && m.weekdayAsWritten !== weekday(m.date)) {
        expect((m.notes ?? '').toString().toLowerCase()).toContain('mismatch');
      }
    }
    const may = meeting('wseb-2022-05-10');
    expect(may.weekdayAsWritten).toBe('Wednesday');
    expect(weekday(may.date)).toBe('Tuesday');
  });

  it('every money field is a non-negative integer number of pence', () => {
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (/Pence$/.test(k) && !(Number.isSafeInteger(x) && (x as number) >= 0)) bad.push(`${path}.${k}`);
          walk(x, `${path}.${k}`);
        }
      }
    };
    walk(d, 'demoData');
    expect(bad).toEqual([]);
  });

  it('holds the 2022/23 figures', () => {
    const f = d.funding.find((x) => x.id === 'ws-funding-2022-23');
    expect(f?.budgetPence).toBe(32100000);
    expect(f?.shortfallPence).toBe(2164900);
    expect(f?.lines.map((l) => l.amountPence).sort((a, b) => a - b)).toEqual([500000, 3500000, 28100000]);
    expect(f?.lines.reduce((s, l) => s + l.amountPence, 0)).toBe(f?.budgetPence);
    const statutory = ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-ccg'];
    expect(f?.pledges.map((p) => p.partnerId).sort()).toEqual([...statutory].sort());
    expect(f?.pledges.every((p) => p.capPence === 700000 && p.inPrinciple && p.kind === 'underwrite')).toBe(true);
    expect(d.partners.filter((p) => statutory.includes(p.id)).every((p) => p.statutory)).toBe(true);
    const training = decisions.find((x) => x.id === keyRecordIds.trainingDecision);
    expect(training).toMatchObject({ outcome: 'endorsed', amountPence: 400000 });
  });

  it('notes every sum that does not add up', () => {
    const f = d.funding[0];
    const caps = f.pledges.reduce((s, p) => s + p.capPence, 0);
    expect(caps).toBe(2100000);
    if (caps !== f.shortfallPence) expect(f.notes?.join(' ')).toContain('£649');
    for (const c of d.carryForwards) {
      const parts = c.spendComponents.reduce((s, x) => s + x.amountPence, 0);
      if (parts !== c.spentPence) expect(c.notes?.join(' ')).toContain('£58');
      expect(c.broughtForwardPence - c.spentPence).toBe(c.carriedForwardPence);
    }
    for (const r of d.reviewActivity) {
      expect(r.referrals.adult + r.referrals.children).toBe(r.referrals.total);
      expect(r.rapidReviews.adult + r.rapidReviews.children).toBe(r.rapidReviews.total);
      if (r.rapidReviews.statedElsewhere !== undefined) expect(r.notes?.join(' ')).toMatch(/15/);
    }
  });
});

describe('demo data: case reviews (issue 16)', () => {
  const documents = new Set<string>(Object.values(SOURCE_DOCUMENTS));
  const steps = d.caseReviews.flatMap((c) => c.steps.map((s) => ({ review: c.id, ...s })));

  it('cites a source document for every step, or labels what it invents illustrative', () => {
    for (const step of steps) {
      expect(step.from.length).toBeGreaterThan(0);
      for (const p of step.from)
        if ('document' in p) expect([documents.has(p.document), p.where.length > 0]).toEqual([true, true]);
        else expect(p.fields.every((f) => f in step.body)).toBe(true);
    }
  });

  it('says "(illustrative)" in every invented text, and never names a child in a title', () => {
    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    for (const step of steps)
      for (const p of step.from)
        if ('illustrative' in p)
          for (const f of p.fields) {
            const value = step.body[f];
            if (typeof value === 'string' && !DATE.test(value)) expect(value).toContain('(illustrative)');
          }
    const names = steps.flatMap((s) => ((s.body.dataSubjects ?? []) as { name: string }[]).map((x) => x.name));
    for (const s of steps)
      if (typeof s.body.title === 'string') for (const n of names) expect(s.body.title).not.toContain(n);
  });

  it("says in the review's title when any of its dates is illustrative (a date cannot carry the label itself)", () => {
    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    for (const review of d.caseReviews) {
      const datesInvented = review.steps.some((s) =>
        s.from.some((p) => 'illustrative' in p && p.fields.some((f) => DATE.test(String(s.body[f])))),
      );
      const title = String(review.steps.find((s) => s.path === '')?.body.title);
      if (datesInvented) expect([review.id, title]).toEqual([review.id, expect.stringContaining('illustrative')]);
    }
  });

  it('names in findings only actions, and links only sign-offs, the meetings record', () => {
    const named = steps.flatMap((s) => [...((s.body.actionIds ?? []) as string[])]);
    expect(missing(named, actionIds)).toEqual([]);
    const linked = steps.filter((s) => s.path === 'signoffs').map((s) => String(s.body.signoffId));
    expect(missing(linked, new Set(signOffs.map((x) => x.id)))).toEqual([]);
  });

  it('records the 2019-20 rapid review count with the document and section it comes from', () => {
    const [activity] = d.reviewActivity;
    expect(activity.rapidReviews.total).toBe(14);
    expect(activity.cites[0]).toMatchObject({ document: '004_b85c101c21a9f075.txt' });
    expect(activity.cites[0].where).toContain('= 14');
  });
});
