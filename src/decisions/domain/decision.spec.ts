import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { Decision, type DecisionCommand, type DecisionEvent } from './decision';

const spec = deciderSpec(Decision, { occurredAt: '2022-05-10T10:00:00.000Z' });
type Cmd = TestCommand<DecisionCommand>;

const facts = {
  meeting: { exists: true, closed: false, itemNumbers: [1, 2, 6] },
  unregisteredPartnerIds: [] as string[],
  missingServed: [],
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
    spec
      .given()
      .when(recordTraining({ conditions, responsiblePartnerIds: ['warwickshire-police'] }))
      .then([
        {
          type: 'decision-recorded',
          data: { ...training, conditions, responsiblePartnerIds: ['warwickshire-police'] },
        },
      ]);
  });

  it('given a cited case review the handler found, then the decision records what it serves', () => {
    const serves = [{ kind: 'case-review' as const, id: 'worcs-scr-2019' }];
    const [e] = spec.given().when(recordTraining({ serves })).decided();
    expect(e.data).toMatchObject({ serves });
  });

  it('refuses a decision citing a record the handler could not find', () => {
    const serves = [{ kind: 'case-review' as const, id: 'nowhere' }];
    spec
      .given()
      .when(recordTraining({ serves, missingServed: serves }))
      .thenRefuses('served-record-not-found', 422);
  });

  it('records a decision without conditions or partners as empty lists', () => {
    const [e] = spec.given().when(recordTraining()).decided();
    expect(e.data).toMatchObject({ conditions: [], responsiblePartnerIds: [] });
  });

  it.each([
    ['decision-exists', 409, spec.given([recorded]), {}],
    ['meeting-not-found', 422, spec.given(), { meeting: { exists: false, closed: false, itemNumbers: [] } }],
    ['meeting-closed', 409, spec.given(), { meeting: { exists: true, closed: true, itemNumbers: [6] } }],
    ['agenda-item-not-found', 422, spec.given(), { itemNumber: 7 }],
    [
      'partner-not-registered',
      422,
      spec.given(),
      { responsiblePartnerIds: ['nobody'], unregisteredPartnerIds: ['nobody'] },
    ],
    [
      'duplicate-condition-id',
      422,
      spec.given(),
      {
        conditions: [
          { conditionId: 'c1', text: 'a' },
          { conditionId: 'c1', text: 'b' },
        ],
      },
    ],
  ])('refuses to record a decision with %s (%i)', (code, status, state, extra) => {
    state.when(recordTraining(extra)).thenRefuses(code, status);
  });

  it('given a condition, when it is satisfied, then that is recorded with the note', () => {
    const data = { decisionId: training.decisionId, conditionId: 'c1', note: 'Changes made to the proposal' };
    spec
      .given([recorded])
      .when({ type: 'satisfy-decision-condition', data })
      .then([{ type: 'decision-condition-satisfied', data }]);
  });

  it('refuses an unknown condition, a condition satisfied twice, and a decision never recorded', () => {
    const satisfy = (conditionId: string) => ({
      type: 'satisfy-decision-condition' as const,
      data: { decisionId: training.decisionId, conditionId },
    });
    spec.given([recorded]).when(satisfy('c9')).thenRefuses('condition-not-found', 422);
    const satisfied = spec.given([
      recorded,
      {
        type: 'decision-condition-satisfied',
        data: { decisionId: training.decisionId, conditionId: 'c1' },
      },
    ]);
    satisfied.when(satisfy('c1')).thenRefuses('condition-already-satisfied', 409);
    spec.given().when(satisfy('c1')).thenRefuses('decision-not-found', 404);
  });

  it('given a decision in force, when rescinded, then the rescission and its reason are recorded', () => {
    const data = { decisionId: training.decisionId, reason: 'Funding withdrawn' };
    spec
      .given([recorded])
      .when({ type: 'rescind-decision', data })
      .then([{ type: 'decision-rescinded', data }]);
  });

  it('given a decision in force, when superseded by an existing decision, then the supersession is recorded', () => {
    const data = {
      decisionId: training.decisionId,
      supersededByDecisionId: 'wseb-2022-09-22-d3',
      reason: 'Revised proposal',
    };
    spec
      .given([recorded])
      .when({ type: 'supersede-decision', data: { ...data, supersedingExists: true } })
      .then([{ type: 'decision-superseded', data }]);
  });

  it('refuses a supersession by itself or by a decision that does not exist', () => {
    const supersede = (by: string, supersedingExists: boolean) => ({
      type: 'supersede-decision' as const,
      data: { decisionId: training.decisionId, supersededByDecisionId: by, reason: 'r', supersedingExists },
    });
    spec.given([recorded]).when(supersede(training.decisionId, true)).thenRefuses('decision-supersedes-itself', 422);
    spec.given([recorded]).when(supersede('nope', false)).thenRefuses('superseding-decision-not-found', 422);
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
    const afterEnd = spec.given([recorded, ended]);
    const changes: Cmd[] = [
      { type: 'satisfy-decision-condition', data: { decisionId: training.decisionId, conditionId: 'c1' } },
      { type: 'rescind-decision', data: { decisionId: training.decisionId, reason: 'again' } },
      {
        type: 'supersede-decision',
        data: { decisionId: training.decisionId, supersededByDecisionId: 'd3', reason: 'r', supersedingExists: true },
      },
    ];
    for (const change of changes) afterEnd.when(change).thenRefuses(code, 422);
  });
});
