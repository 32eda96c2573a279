import { deciderSpec } from '../../shared/testing/decider-spec';
import { ThematicReview, type ThematicReviewEvent } from './thematic-review';

const spec = deciderSpec(ThematicReview);
const thematicReviewId = 'wseb-thematic-2022';
const id = { thematicReviewId };

const opened: ThematicReviewEvent = {
  type: 'thematic-review-opened',
  data: { ...id, title: 'Strategic Thematic Review', openedOn: '2022-09-22', areas: ['Leadership and Accountability'] },
};
const finding = (findingId: string, partnerIds: string[]): ThematicReviewEvent => ({
  type: 'thematic-finding-recorded',
  data: { ...id, findingId, text: 'Training records incomplete', partnerIds },
});
const f1 = finding('f1', ['police', 'health', 'la']);
const progress = (partnerId: string, status: 'agreed' | 'in-progress' | 'complete') => ({
  type: 'record-plan-progress' as const,
  data: { ...id, partnerId, reportedOn: '2022-11-08', status, summary: 'Presented to WSEB' },
});
const progressed = (partnerId: string, status: 'agreed' | 'in-progress' | 'complete'): ThematicReviewEvent => ({
  type: 'partner-plan-progress-recorded',
  data: progress(partnerId, status).data,
});
const link = (extra: object = {}) => ({
  type: 'link-plan-action' as const,
  data: { ...id, partnerId: 'police', findingId: 'f1', actionId: 'a1', actionExists: true, ...extra },
});

describe('ThematicReview decider: findings to several partners, each with its own plan', () => {
  it('given a finding assigned to three partners, when each reports its plan, then each plan moves on its own', () => {
    const state = spec
      .given([opened, f1])
      .and(link())
      .and(progress('police', 'in-progress'))
      .and(progress('health', 'complete'))
      .state();
    expect(state.planStatus).toEqual({ police: 'in-progress', health: 'complete' });
    expect(state.planActions).toEqual({ police: [{ findingId: 'f1', actionId: 'a1' }] });
  });

  it('given every plan reported complete, when the review is completed, then it is completed', () => {
    spec
      .given([opened, finding('f1', ['police']), progressed('police', 'complete')])
      .when({ type: 'complete-thematic-review', data: { ...id, completedOn: '2023-03-01', summary: 'Embedded' } })
      .then([{ type: 'thematic-review-completed', data: { ...id, completedOn: '2023-03-01', summary: 'Embedded' } }]);
  });

  const record = (extra: object) => ({
    type: 'record-thematic-finding',
    data: { ...id, findingId: 'f2', text: 't', partnerIds: ['police'], unregisteredPartnerIds: [], ...extra },
  });
  const completeIt = { type: 'complete-thematic-review', data: { ...id, completedOn: '2023-03-01', summary: 's' } };
  const done: ThematicReviewEvent = { type: 'thematic-review-completed', data: completeIt.data };
  it.each([
    [
      'thematic-review-exists',
      409,
      [opened],
      { type: 'open-thematic-review', data: { ...opened.data, boardRegistered: true } },
    ],
    [
      'board-not-registered',
      422,
      [],
      { type: 'open-thematic-review', data: { ...opened.data, boardId: 'nope', boardRegistered: false } },
    ],
    ['thematic-review-not-found', 404, [], record({})],
    ['finding-exists', 409, [opened, f1], record({ findingId: 'f1' })],
    ['finding-without-partner', 422, [opened], record({ partnerIds: [] })],
    ['duplicate-partner', 422, [opened], record({ partnerIds: ['police', 'police'] })],
    ['partner-not-registered', 422, [opened], record({ partnerIds: ['x'], unregisteredPartnerIds: ['x'] })],
    ['finding-not-found', 422, [opened, f1], link({ findingId: 'nope' })],
    ['partner-has-no-findings', 422, [opened, f1], progress('fire', 'agreed')],
    ['finding-not-assigned', 422, [opened, f1, finding('f2', ['police'])], link({ partnerId: 'la', findingId: 'f2' })],
    ['action-not-found', 422, [opened, f1], link({ actionExists: false })],
    [
      'action-already-linked',
      409,
      [
        opened,
        f1,
        { type: 'partner-plan-action-linked', data: { ...id, partnerId: 'police', findingId: 'f1', actionId: 'a1' } },
      ],
      link(),
    ],
    ['plan-complete', 409, [opened, f1, progressed('police', 'complete')], progress('police', 'in-progress')],
    [
      'date-before-opening',
      422,
      [opened, f1],
      { ...progress('police', 'agreed'), data: { ...progress('police', 'agreed').data, reportedOn: '2022-01-01' } },
    ],
    ['no-findings', 422, [opened], completeIt],
    ['plans-not-complete', 422, [opened, f1, progressed('police', 'complete')], completeIt],
    [
      'thematic-review-completed',
      409,
      [opened, finding('f1', ['police']), progressed('police', 'complete'), done],
      record({}),
    ],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given as ThematicReviewEvent[])
      .when(command as never)
      .thenRefuses(code, status);
  });
});
