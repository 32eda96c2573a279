import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Decision, type DecisionCommand, type DecisionEvent } from './decision';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T10:00:00.000Z',
};
const given = (...events: DecisionEvent[]) => fold(Decision.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<DecisionCommand, 'meta'>) =>
  Decision.decider.decide({ ...c, meta } as DecisionCommand, state);

const facts = {
  meeting: { exists: true, closed: false, itemNumbers: [1, 2, 6] },
  unregisteredPartnerIds: [] as string[],
};
const training = {
  decisionId: 'wseb-2022-05-10-d6',
  meetingId: 'wseb-2022-05-10',
  itemNumber: 6,
  outcome: 'endorsed' as const,
  text: 'Multi-agency training proposal endorsed',
  budgetPence: 400_000,
};
const recordTraining = (extra: object = {}) => ({
  type: 'record-decision' as const,
  data: { ...training, ...facts, ...extra },
});
const recorded: DecisionEvent = {
  type: 'decision-recorded',
  data: {
    ...training,
    conditions: [{ conditionId: 'c1', text: 'Subject to the changes agreed' }],
    responsiblePartnerIds: [],
  },
};

describe('Decision decider', () => {
  it('given nothing, when a decision is recorded at an existing item, then it is recorded with its budget, conditions and partners', () => {
    const conditions = [{ conditionId: 'c1', text: 'Subject to the changes agreed' }];
    expect(when(given(), recordTraining({ conditions, responsiblePartnerIds: ['warwickshire-police'] }))).toEqual([
      { type: 'decision-recorded', data: { ...training, conditions, responsiblePartnerIds: ['warwickshire-police'] } },
    ]);
  });

  it('records a decision without conditions or partners as empty lists', () => {
    const [e] = when(given(), recordTraining());
    expect(e.data).toMatchObject({ conditions: [], responsiblePartnerIds: [] });
  });

  it.each([
    ['decision-exists', 409, given(recorded), {}],
    ['meeting-not-found', 422, given(), { meeting: { exists: false, closed: false, itemNumbers: [] } }],
    ['meeting-closed', 409, given(), { meeting: { exists: true, closed: true, itemNumbers: [6] } }],
    ['agenda-item-not-found', 422, given(), { itemNumber: 7 }],
    ['partner-not-registered', 422, given(), { responsiblePartnerIds: ['nobody'], unregisteredPartnerIds: ['nobody'] }],
    [
      'duplicate-condition-id',
      422,
      given(),
      {
        conditions: [
          { conditionId: 'c1', text: 'a' },
          { conditionId: 'c1', text: 'b' },
        ],
      },
    ],
  ])('refuses to record a decision with %s (%i)', (code, status, state, extra) => {
    expect(() => when(state, recordTraining(extra))).toThrow(expect.objectContaining({ code, status }));
  });

  it('given a condition, when it is satisfied, then that is recorded with the note', () => {
    const data = { decisionId: training.decisionId, conditionId: 'c1', note: 'Changes made to the proposal' };
    expect(when(given(recorded), { type: 'satisfy-decision-condition', data })).toEqual([
      { type: 'decision-condition-satisfied', data },
    ]);
  });

  it('refuses an unknown condition, a condition satisfied twice, and a decision never recorded', () => {
    const satisfy = (conditionId: string) => ({
      type: 'satisfy-decision-condition' as const,
      data: { decisionId: training.decisionId, conditionId },
    });
    expect(() => when(given(recorded), satisfy('c9'))).toThrow(
      expect.objectContaining({ code: 'condition-not-found', status: 422 }),
    );
    const satisfied = given(recorded, {
      type: 'decision-condition-satisfied',
      data: { decisionId: training.decisionId, conditionId: 'c1' },
    });
    expect(() => when(satisfied, satisfy('c1'))).toThrow(
      expect.objectContaining({ code: 'condition-already-satisfied', status: 409 }),
    );
    expect(() => when(given(), satisfy('c1'))).toThrow(
      expect.objectContaining({ code: 'decision-not-found', status: 404 }),
    );
  });

  it('given a decision in force, when rescinded, then the rescission and its reason are recorded', () => {
    const data = { decisionId: training.decisionId, reason: 'Funding withdrawn' };
    expect(when(given(recorded), { type: 'rescind-decision', data })).toEqual([{ type: 'decision-rescinded', data }]);
  });

  it('given a decision in force, when superseded by an existing decision, then the supersession is recorded', () => {
    const data = {
      decisionId: training.decisionId,
      supersededByDecisionId: 'wseb-2022-09-22-d3',
      reason: 'Revised proposal',
    };
    expect(when(given(recorded), { type: 'supersede-decision', data: { ...data, supersedingExists: true } })).toEqual([
      { type: 'decision-superseded', data },
    ]);
  });

  it('refuses a supersession by itself or by a decision that does not exist', () => {
    const supersede = (by: string, supersedingExists: boolean) => ({
      type: 'supersede-decision' as const,
      data: { decisionId: training.decisionId, supersededByDecisionId: by, reason: 'r', supersedingExists },
    });
    expect(() => when(given(recorded), supersede(training.decisionId, true))).toThrow(
      expect.objectContaining({ code: 'decision-supersedes-itself', status: 422 }),
    );
    expect(() => when(given(recorded), supersede('nope', false))).toThrow(
      expect.objectContaining({ code: 'superseding-decision-not-found', status: 422 }),
    );
  });

  it.each([
    ['decision-rescinded', { type: 'decision-rescinded', data: { decisionId: training.decisionId, reason: 'r' } }],
    [
      'decision-superseded',
      {
        type: 'decision-superseded',
        data: { decisionId: training.decisionId, supersededByDecisionId: 'd2', reason: 'r' },
      },
    ],
  ] as [string, DecisionEvent][])('given a decision ended with %s, refuses every further change', (code, ended) => {
    const state = given(recorded, ended);
    const changes: Omit<DecisionCommand, 'meta'>[] = [
      { type: 'satisfy-decision-condition', data: { decisionId: training.decisionId, conditionId: 'c1' } },
      { type: 'rescind-decision', data: { decisionId: training.decisionId, reason: 'again' } },
      {
        type: 'supersede-decision',
        data: { decisionId: training.decisionId, supersededByDecisionId: 'd3', reason: 'r', supersedingExists: true },
      },
    ];
    for (const change of changes)
      expect(() => when(state, change)).toThrow(expect.objectContaining({ code, status: 422 }));
  });
});
