import { deciderSpec } from '../../shared/testing/decider-spec';
import { Inspection, type InspectionEvent } from './inspection';
import { POLICE_INSPECTION_2022 } from '../../../test/support/recorded-examples';

const spec = deciderSpec(Inspection);
const inspectionId = 'hmicfrs-warwickshire-cp-2022';
const id = { inspectionId };
const rec = { ...id, recommendationId: 'r1' };

// Warwickshire Police's child protection inspection: fieldwork February 2022, published August 2022.
const recorded: InspectionEvent = {
  type: 'inspection-recorded',
  data: {
    inspectionId,
    ...POLICE_INSPECTION_2022,
    partnerIds: ['police'],
  },
};
const r1: InspectionEvent = {
  type: 'inspection-recommendation-recorded',
  data: {
    ...rec,
    kind: 'recommendation',
    ownerPartnerId: 'police',
    text: 'Record children’s views and concerns',
    actionIds: ['a1'],
    nextUpdateDue: '2023-02-09',
    dueWithinMonths: 6,
  },
};
const closed: InspectionEvent = {
  type: 'recommendation-closed',
  data: { ...rec, closedOn: '2023-04-20', summary: 'Done', evidence: [{ streamId: 'meeting-m1', revision: 4 }] },
};

const recordCmd = (extra: object = {}) => ({
  type: 'record-inspection' as const,
  data: { ...recorded.data, unregisteredPartnerIds: [], ...extra },
});
const recommend = (extra: object = {}) => ({
  type: 'record-recommendation' as const,
  data: {
    ...rec,
    kind: 'recommendation' as const,
    ownerPartnerId: 'police',
    text: 'Record children’s views and concerns',
    actionIds: ['a1'],
    missingActionIds: [],
    ...extra,
  },
});
const update = (extra: object = {}) => ({
  type: 'record-recommendation-update' as const,
  data: { ...rec, updatedOn: '2023-02-01', summary: 'Risk assessment refreshed', ...extra },
});
const closeCmd = (extra: object = {}) => ({
  type: 'close-recommendation' as const,
  data: { ...closed.data, unverifiedEvidence: [], ...extra },
});

describe('Inspection decider', () => {
  it('given a recorded inspection, when a recommendation is due an update within six months, then the due date is stored', () => {
    spec
      .given(recorded)
      .when(recommend({ nextUpdate: { withinMonths: 6 } }))
      .then(r1);
  });

  it('given an update with a RAG status and a next due date, then each is recorded; a due date given as a date is kept', () => {
    spec
      .given([recorded, r1])
      .when(update({ rag: 'amber', nextUpdate: { dueOn: '2023-08-01' } }))
      .then({
        type: 'recommendation-update-recorded',
        data: {
          ...rec,
          updatedOn: '2023-02-01',
          summary: 'Risk assessment refreshed',
          rag: 'amber',
          nextUpdateDue: '2023-08-01',
        },
      });
  });

  it('given a recommendation, when an action is linked and it is closed on cited evidence, then it is closed', () => {
    const after = spec
      .given([recorded, r1])
      .and({ type: 'link-recommendation-action', data: { ...rec, actionId: 'a2', actionExists: true } })
      .and({ type: 'set-recommendation-rag', data: { ...rec, setOn: '2023-03-01', rag: 'green', reason: 'On track' } })
      .and(closeCmd());
    expect(after.state().recommendations.r1).toEqual({
      ownerPartnerId: 'police',
      actionIds: ['a1', 'a2'],
      closed: true,
    });
  });

  it.each([
    ['inspection-exists', 409, [recorded], recordCmd()],
    ['body-name-missing', 422, [], recordCmd({ body: 'other' })],
    ['duplicate-partner', 422, [], recordCmd({ partnerIds: ['police', 'police'] })],
    ['partner-not-registered', 422, [], recordCmd({ partnerIds: ['nope'], unregisteredPartnerIds: ['nope'] })],
    ['fieldwork-dates-reversed', 422, [], recordCmd({ fieldworkTo: '2022-02-01' })],
    ['published-before-fieldwork', 422, [], recordCmd({ publishedOn: '2022-02-10' })],
    ['inspection-not-found', 404, [], recommend()],
    ['recommendation-exists', 409, [recorded, r1], recommend()],
    ['partner-not-inspected', 422, [recorded], recommend({ ownerPartnerId: 'wcc' })],
    ['action-not-found', 422, [recorded], recommend({ actionIds: ['x'], missingActionIds: ['x'] })],
    ['duplicate-action', 422, [recorded], recommend({ actionIds: ['a1', 'a1'] })],
    ['next-update-not-after', 422, [recorded], recommend({ nextUpdate: { dueOn: '2022-08-09' } })],
    ['recommendation-not-found', 404, [recorded], update()],
    ['recommendation-closed', 409, [recorded, r1, closed], update()],
    ['date-before-publication', 422, [recorded, r1], update({ updatedOn: '2022-08-01' })],
    [
      'action-already-linked',
      409,
      [recorded, r1],
      { type: 'link-recommendation-action', data: { ...rec, actionId: 'a1', actionExists: true } },
    ],
    ['closure-evidence-missing', 422, [recorded, r1], closeCmd({ evidence: [] })],
    ['evidence-not-found', 422, [recorded, r1], closeCmd({ unverifiedEvidence: closed.data.evidence })],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given)
      .when(command as never)
      .thenRefuses(code, status);
  });
});
