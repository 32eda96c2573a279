/**
 * Demo data you can defend line by line (issue 17 item 6): every record the loader sends cites its
 * seed document (../shared/seeds), and what the seeds do not give is labelled illustrative or absent.
 */
import { allActions, allDecisions, allSignOffs } from './collect';
import { demoData, SOURCE_DOCUMENTS, type SourceRef } from './index';
import { demoInspections } from './inspections';
import { pledgeAsMinuted } from '../load/load-funding';

const d = demoData;
const documents = new Set<string>(Object.values(SOURCE_DOCUMENTS));
const uncited = (refs: Array<{ id: string; source?: SourceRef }>) =>
  refs.filter((r) => !r.source || !documents.has(r.source.document) || r.source.where.trim() === '').map((r) => r.id);
/** Every record the data set holds that cites a seed document, as text to search for ids. */
const citedText = JSON.stringify([
  d.meetings,
  d.referencedMeetings,
  d.boardMembers,
  d.assuranceRecords,
  d.caseReviews,
  d.reviewActivity,
  demoInspections,
]);

describe('demo data: every loaded record cites its document', () => {
  it('gives every meeting, recorded or referenced, the seed document and place it comes from', () => {
    expect(uncited(d.meetings)).toEqual([]);
    expect(uncited(d.referencedMeetings)).toEqual([]);
  });

  it('cites the attendance list for every board member, and says what the quorum rule is based on', () => {
    expect(uncited(d.boardMembers.map((m) => ({ id: `${m.boardId}/${m.seat}`, source: m.source })))).toEqual([]);
    expect(uncited(d.quorumRules.map((r) => ({ id: r.boardId, source: r.basedOn })))).toEqual([]);
    expect(uncited(d.forwardPlan.map((f) => ({ id: f.itemId, source: f.source })))).toEqual([]);
  });

  it('cites a seed document in every inspection, assurance step and review-activity figure', () => {
    for (const i of demoInspections)
      expect([i.id, i.sources.every((s) => [...documents].some((doc) => s.includes(doc)))]).toEqual([i.id, true]);
    for (const r of d.assuranceRecords)
      for (const s of r.steps)
        expect([r.id, s.cites.length > 0 && s.cites.every((c) => documents.has(c.file))]).toEqual([r.id, true]);
    for (const r of d.reviewActivity) expect(r.cites.every((c) => documents.has(c.document))).toBe(true);
  });

  it('registers only partners, people and boards a cited record names', () => {
    const named = (id: string) => citedText.includes(`"${id}"`);
    expect(uncited(d.people.filter((p) => !named(p.id)))).toEqual([]);
    expect(uncited(d.partners.filter((p) => !named(p.id)))).toEqual([]);
    expect(uncited(d.boards.filter((b) => !named(b.id)))).toEqual([]);
  });
});

describe('demo data: what the seeds do not give is labelled illustrative or left out', () => {
  it('records the CSPR sign-off subject only to the changes agreed: publication in June 2022 was a plan, not a condition', () => {
    const cspr = allDecisions(d).find((x) => x.id === 'wseb-2022-05-10-d-cspr-james-signoff');
    expect(cspr?.conditions).toEqual(['Reviewer updates the report in line with the discussion.']);
    expect(JSON.stringify(allDecisions(d).map((x) => x.conditions ?? []))).not.toContain('June 2022');
  });

  it('gives an action a due only where the minutes give one: the police update "within six months", not the next meeting', () => {
    const due = new Map(allActions(d).map((a) => [a.id, a.due]));
    expect(due.get('wseb-2022-09-22-a8')).toEqual({
      kind: 'within',
      months: 6,
      date: '2023-03-22',
      asWritten: 'Within six months',
    });
    expect(due.get('wseb-2022-05-10-a3')).toBeUndefined();
    expect(due.get('worcs-scb-2019-03-13-a6')).toBeUndefined();
  });

  it('schedules no meeting for a forward-plan month: April 2023 is a forward-plan item, not a meeting', () => {
    const months = d.referencedMeetings.filter((r) => r.month).map((r) => [r.id, r.month]);
    expect(months).toEqual([['wseb-2022-07', '2022-07']]);
    expect(d.referencedMeetings.map((r) => r.id)).not.toContain('wseb-2023-04');
    expect(d.forwardPlan.map((f) => [f.itemId, f.month, f.fromActionId])).toEqual([
      ['wseb-fp-2023-04-police-inspection', '2023-04', 'wseb-2022-09-22-a7'],
    ]);
  });

  it("records the three partners' single-agency thematic plans as three sign-offs, one partner each", () => {
    const plans = allSignOffs(d).filter((s) => s.decisionId === 'wseb-2022-09-22-d-thematic-recommendations');
    expect(plans.map((s) => s.requiredPartnerIds)).toEqual([
      ['warwickshire-police'],
      ['warwickshire-county-council'],
      ['coventry-warwickshire-icb'],
    ]);
  });

  it('says every quorum rule is illustrative (the seeds state none), and every guessed partner of a member', () => {
    for (const r of d.quorumRules) expect(r.illustrative).toMatch(/the seeds state no quorum rule/);
    const guessed = d.boardMembers.filter((m) => m.illustrative).map((m) => [m.personId, m.partnerId]);
    expect(guessed.sort()).toEqual([
      ['david-lewis', 'worcestershire-scb-business-unit'],
      ['denise-hannibal', 'worcestershire-scb-business-unit'],
    ]);
  });

  it('seats on a board only people the minutes list as present or sending apologies there', () => {
    for (const m of d.boardMembers) {
      const listed = d.meetings
        .filter((x) => x.boardId === m.boardId)
        .flatMap((x) => x.attendance.filter((a) => ['present', 'also-representing', 'apologies'].includes(a.status)))
        .map((a) => a.personId);
      expect([m.personId, listed.includes(m.personId)]).toEqual([m.personId, true]);
    }
  });

  it("records a pledge in a person's name only where the minutes name them; otherwise its text says illustrative and quotes the collective agreement", () => {
    const pledges = d.funding.flatMap((f) => {
      const meeting = d.meetings.find((m) => m.id === f.sourceMeetingId);
      if (!meeting) throw new Error(`${f.id} cites no recorded meeting`);
      return f.pledges.map((p) => ({ p, ...pledgeAsMinuted(meeting, p, d) }));
    });
    for (const { p, personId, source } of pledges) {
      expect([p.id, documents.has(p.source.document), source]).toEqual([
        p.id,
        true,
        expect.stringContaining(p.source.words),
      ]);
      const person = d.people.find((x) => x.id === personId);
      const namedBy = [person?.fullName, ...(person?.initialsAsWritten ?? [])];
      const named = p.pledgedBy?.personId === personId && namedBy.some((n) => n && p.pledgedBy?.words.includes(n));
      // A person the minutes do not name as agreeing it may stand in only with the label.
      if (named) expect(source).toContain(`"${p.pledgedBy?.words}"`);
      else expect([p.id, source]).toEqual([p.id, expect.stringMatching(/^\(illustrative\) /)]);
    }
    expect(pledges.map(({ p, personId, source }) => [p.id, personId, source.startsWith('(illustrative)')])).toEqual([
      ['ws-2022-23-underwrite-wcc', 'nigel-minns', true],
      ['ws-2022-23-underwrite-police', 'pete-hill', true],
      ['ws-2022-23-underwrite-health', 'jo-galloway', false],
    ]);
  });
});
