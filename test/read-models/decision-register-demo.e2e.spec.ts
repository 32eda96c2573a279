import { demoReadSuite } from './support/projections-app';

const M = 'wseb-2022-05-10';
const STATUTORY = ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-ccg'];
const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
/** "All agreed to sign off": the chair records each partner's agreement; no person signed for a partner. */
const chair = { userId: 'elaine-coleridge-smith', role: 'chair', agency: 'warwickshire-safeguarding' };

/**
 * The acceptance for the register: the May 2022 Warwickshire executive board loaded through
 * the API from the demo data, then read back from the decision register as an auditor would.
 */
describe('decision register with the demo data (May 2022 Warwickshire executive board)', () => {
  const { get } = demoReadSuite();

  it('shows the CSPR (James) decision as agreed subject to the changes, at item 4 of the May board', async () => {
    const d = await get(`/decision-register/${M}-d-cspr-james-signoff`);
    expect(d).toMatchObject({
      outcome: 'agreed',
      status: 'in-force',
      text: 'All agreed to sign off the report and supporting documents, subject to the changes agreed.',
      meeting: {
        meetingId: M,
        boardId: 'wseb',
        date: '2022-05-10T10:00:00.000Z',
        itemNumber: 4,
        itemTitle: 'Child Safeguarding Practice Review (James)',
      },
      recordedAt: { occurredAt: expect.stringMatching(/^2022-05-10/), actor: manager },
    });
    // The minutes' only condition is "subject to changes agreed"; publication in June 2022 was a plan, not a condition.
    expect(d.conditions.map((c: { text: string; satisfied: boolean }) => [c.text, c.satisfied])).toEqual([
      ['Reviewer updates the report in line with the discussion.', false],
    ]);
    expect(d.unsatisfiedConditions).toBe(1);
  });

  it("shows its sign-off complete subject to conditions: each statutory partner's agreement, recorded by the chair, no one's signature", async () => {
    const [so] = (await get(`/decision-register/${M}-d-cspr-james-signoff`)).signoffs;
    expect(so).toMatchObject({
      signoffId: `${M}-so-cspr-james`,
      status: 'completed',
      requiredPartnerIds: STATUTORY,
      invalidations: [],
      artefact: { title: 'CSPR James: report and supporting documents', kind: 'report' },
      completed: { subjectToConditions: true },
    });
    expect(so.signatures).toEqual(
      STATUTORY.map((partnerId) => ({
        partnerId,
        status: 'signed',
        conditions: ['Report updated according to the discussion (action wseb-2022-05-10-a3).'],
        signedAt: expect.objectContaining({ occurredAt: expect.stringMatching(/^2022-05-10/), actor: chair }),
      })),
    );
  });

  it("reads the CSPR decision history as a list: recorded by the business manager, requested, each partner's agreement, completed", async () => {
    const { entries } = await get(`/decision-register/${M}-d-cspr-james-signoff/history`);
    expect(entries.map((e: { type: string; actor: { userId: string } }) => [e.type, e.actor.userId])).toEqual([
      ['decision-recorded', 'amrita-sharma'],
      ['signoff-requested', 'amrita-sharma'],
      ['signoff-signed', 'elaine-coleridge-smith'],
      ['signoff-signed', 'elaine-coleridge-smith'],
      ['signoff-signed', 'elaine-coleridge-smith'],
      ['signoff-completed', 'elaine-coleridge-smith'],
    ]);
  });

  it('shows the training proposal endorsed with a £4,000 budget', async () => {
    const d = await get(`/decision-register/${M}-d-training-proposal`);
    expect(d).toMatchObject({
      outcome: 'endorsed',
      budgetPence: 400_000,
      status: 'in-force',
      meeting: { meetingId: M, itemNumber: 5, itemTitle: 'Warwickshire Safeguarding Training Proposal' },
      signoffs: [],
    });
    expect((await get(`/decision-register/${M}-d-training-proposal/history`)).entries[0].summary).toMatch(
      /^Recorded as endorsed at wseb-2022-05-10 item 5; budget £4,000\.00/,
    );
  });

  it("finds the May board's decisions by meeting and the endorsed ones by outcome", async () => {
    const ids = (body: { items: { decisionId: string }[] }) => body.items.map((i) => i.decisionId);
    const may = ids(await get(`/decision-register?meeting=${M}&limit=200`));
    expect(may).toEqual(
      expect.arrayContaining([`${M}-d-cspr-james-signoff`, `${M}-d-training-proposal`, `${M}-d-jtai-responsibility`]),
    );
    expect(ids(await get('/decision-register?board=wseb&from=2022-05-10&to=2022-05-10&limit=200'))).toEqual(may);
    expect(ids(await get(`/decision-register?meeting=${M}&outcome=endorsed`))).toContain(`${M}-d-training-proposal`);
    expect(ids(await get(`/decision-register?meeting=${M}&hasUnsatisfiedConditions=true&limit=200`))).toContain(
      `${M}-d-cspr-james-signoff`,
    );
  });
});
